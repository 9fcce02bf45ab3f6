import type { OperationSpec, ParamSpec } from "../operation.js";
import { refusedRequest } from "./refused.js";
import { isPlainObject } from "./values.js";

/** The call's `args` object: each parameter under `key ?? name`, the request body under `body`. */
export type Args = Readonly<Record<string, unknown>>;

export function readArgs(operation: OperationSpec, args: unknown): Args {
  if (args === undefined || args === null) return {};
  if (isPlainObject(args)) return args;
  throw refusedRequest(operation, new TypeError(`an operation's arguments must be an object, not ${Array.isArray(args) ? "an array" : typeof args}`));
}

export function argKey(param: ParamSpec): string {
  return param.key ?? param.name;
}

/** A parameter's value as it goes on the wire: `json` parameters are sent as JSON text. */
export function paramValue(param: ParamSpec, args: Args): unknown {
  const value = args[argKey(param)];
  return param.json && value !== undefined ? JSON.stringify(value) : value;
}

import type { OperationSpec } from "../operation.js";
import { paramValue, type Args } from "./args.js";
import { encodeComponent, encodeCookieOctets } from "./encode.js";
import { formPairs, headerValue } from "./style.js";

/** Header parameters (`simple` style: arrays comma-joined) as name/value pairs. */
export function headerParams(operation: OperationSpec, args: Args): [string, string][] {
  const headers: [string, string][] = [];
  for (const param of operation.params) {
    if (param.in !== "header") continue;
    const value = paramValue(param, args);
    if (value !== undefined) headers.push([param.name, headerValue(value, param.explode)]);
  }
  return headers;
}

/**
 * Cookie parameters (`form` style, values percent-encoded) as `name=value` fragments of one
 * `Cookie` header. Browsers do not let scripts set `Cookie`; there, the browser's own cookies apply.
 */
export function cookieFragments(operation: OperationSpec, args: Args): string[] {
  const fragments: string[] = [];
  for (const param of operation.params) {
    if (param.in !== "cookie") continue;
    const value = paramValue(param, args);
    if (value === undefined) continue;
    const encode = param.style === "cookie" ? encodeCookieOctets : encodeComponent;
    for (const [name, text] of formPairs(param.name, value, "form", param.explode, encode)) fragments.push(`${name}=${text}`);
  }
  return fragments;
}

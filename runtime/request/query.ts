import type { OperationSpec } from "../operation.js";
import { paramValue, type Args } from "./args.js";
import { encodeAllowingReserved, encodeComponent } from "./encode.js";
import { formPairs } from "./style.js";

/** The query parameters as encoded `name=value` fragments, in declaration order. */
export function queryFragments(operation: OperationSpec, args: Args): string[] {
  const fragments: string[] = [];
  for (const param of operation.params) {
    if (param.in !== "query") continue;
    const value = paramValue(param, args);
    if (value === undefined) continue;
    const encode = param.allowReserved ? encodeAllowingReserved : encodeComponent;
    for (const [name, text] of formPairs(param.name, value, param.style, param.explode, encode)) fragments.push(`${name}=${text}`);
  }
  return fragments;
}

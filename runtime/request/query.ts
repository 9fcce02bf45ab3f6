import type { RuntimeFeatures } from "../api-spec.js";
import type { OperationSpec, ParamSpec } from "../operation.js";
import { argKey, paramValue, type Args } from "./args.js";
import { encodeAllowingReserved, encodeComponent } from "./encode.js";
import { feature } from "./body.js";
import { formPairs } from "./style.js";

/** The query parameters as encoded `name=value` fragments, in declaration order. */
export function queryFragments(operation: OperationSpec, args: Args, features: RuntimeFeatures): string[] {
  const fragments: string[] = [];
  for (const param of operation.params) {
    if (param.in === "querystring") {
      const text = queryString(param, args[argKey(param)], features);
      if (text !== undefined && text !== "") fragments.push(text);
      continue;
    }
    if (param.in !== "query") continue;
    const value = paramValue(param, args);
    if (value === undefined) continue;
    const encode = param.allowReserved ? encodeAllowingReserved : encodeComponent;
    for (const [name, text] of formPairs(param.name, value, param.style, param.explode, encode)) fragments.push(`${name}=${text}`);
  }
  return fragments;
}

/**
 * OpenAPI 3.2's `in: querystring`: the value is the whole query string. A `json` one is its JSON
 * text, percent-encoded; otherwise it is `application/x-www-form-urlencoded`, encoded as a form
 * body is (`a=1&b=2`; a string or `URLSearchParams` is taken as already encoded).
 */
function queryString(param: ParamSpec, value: unknown, features: RuntimeFeatures): string | undefined {
  if (value === undefined) return undefined;
  if (param.json) return encodeComponent(JSON.stringify(value));
  return feature(features.formBody, "form")({ kind: "form", mediaType: "application/x-www-form-urlencoded" }, value).toString();
}

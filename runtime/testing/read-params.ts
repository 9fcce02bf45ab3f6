/**
 * The reverse of runtime/request/{path,query,header-params}.ts: a request's path, query, headers
 * and cookies read back into parameter values, per each parameter's style. Values come out as
 * wire text (`Delimited` where a delimiter may split a list); `coerce` gives them their types.
 */
import type { ParamSpec } from "../operation.js";
import { decodeComponent, decodeQueryComponent, Delimited, delimited } from "./wire-value.js";

/** A query string as raw (still encoded) name/value pairs, in order. */
export type RawPairs = readonly (readonly [name: string, value: string])[];

export function rawQueryPairs(search: string): RawPairs {
  const query = search.startsWith("?") ? search.slice(1) : search;
  if (query === "") return [];
  return query.split("&").map((fragment) => {
    const equals = fragment.indexOf("=");
    return equals < 0 ? [fragment, ""] : [fragment.slice(0, equals), fragment.slice(equals + 1)];
  });
}

/** A path parameter from its segment text (`simple`, `label` or `matrix`). */
export function pathParam(param: ParamSpec, raw: string): unknown {
  if (param.style === "label") {
    const body = raw.startsWith(".") ? raw.slice(1) : raw;
    return listOrText(body, param.explode ? "." : ",", decodeComponent);
  }
  if (param.style === "matrix") {
    const pairs = raw
      .split(";")
      .filter((fragment) => fragment !== "")
      .map((fragment) => {
        const equals = fragment.indexOf("=");
        return equals < 0 ? ([decodeComponent(fragment), ""] as const) : ([decodeComponent(fragment.slice(0, equals)), fragment.slice(equals + 1)] as const);
      });
    const own = pairs.filter(([name]) => name === param.name);
    if (own.length === pairs.length) {
      if (own.length === 1) return listOrText(own[0]?.[1] ?? "", ",", decodeComponent);
      return own.map(([, value]) => decodeComponent(value));
    }
    return Object.fromEntries(pairs.map(([name, value]) => [name, decodeComponent(value)]));
  }
  return listOrText(raw, ",", decodeComponent);
}

/**
 * A query parameter from the query's pairs, or `undefined` when absent. Pairs it reads are
 * marked in `claimed`, so that an exploded `form` object can take the ones nothing else claimed.
 */
export function queryParam(param: ParamSpec, pairs: RawPairs, claimed: Set<number>): unknown {
  if (param.style === "deepObject") return deepObjectParam(param.name, pairs, claimed);
  const own: string[] = [];
  pairs.forEach(([name, value], index) => {
    if (decodeQueryComponent(name) !== param.name) return;
    claimed.add(index);
    own.push(value);
  });
  if (own.length === 0) return undefined;
  if (own.length > 1) return own.map(decodeQueryComponent);
  const raw = own[0] ?? "";
  if (param.style === "spaceDelimited") return listOrText(raw.replace(/\+/g, "%20"), "%20", decodeComponent);
  if (param.style === "pipeDelimited") return listOrText(raw, "|", decodeQueryComponent);
  return param.explode ? decodeQueryComponent(raw) : listOrText(raw, ",", decodeQueryComponent);
}

/** The query pairs no parameter claimed, as an object: an exploded `form` object's properties. */
export function unclaimedPairs(pairs: RawPairs, claimed: ReadonlySet<number>): Record<string, string> | undefined {
  const entries = pairs.filter((_, index) => !claimed.has(index)).map(([name, value]) => [decodeQueryComponent(name), decodeQueryComponent(value)] as const);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** `filter[name]=Rex&filter[age][gte]=1` as `{ name: "Rex", age: { gte: "1" } }`; indices make arrays. */
export function deepObjectParam(name: string, pairs: RawPairs, claimed: Set<number>): unknown {
  const root: Record<string, unknown> = {};
  let found = false;
  pairs.forEach(([rawName, rawValue], index) => {
    const keys = bracketKeys(decodeQueryComponent(rawName), name);
    if (keys === undefined) return;
    claimed.add(index);
    found = true;
    setDeep(root, keys, decodeQueryComponent(rawValue));
  });
  return found ? arraysFromIndices(root) : undefined;
}

/** `filter[age][gte]` with prefix `filter` → `["age", "gte"]`; another name → `undefined`. */
export function bracketKeys(fullName: string, prefix: string): string[] | undefined {
  if (!fullName.startsWith(`${prefix}[`) || !fullName.endsWith("]")) return undefined;
  return fullName.slice(prefix.length + 1, -1).split("][");
}

export function setDeep(root: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let node = root;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next === "object" && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>;
    else node = node[key] = {};
  });
}

/** Objects whose keys are exactly `0`, `1`, … become arrays, at every depth. */
export function arraysFromIndices(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, arraysFromIndices(item)] as const);
  const isList = entries.length > 0 && entries.every(([key], index) => key === String(index));
  return isList ? entries.map(([, item]) => item) : Object.fromEntries(entries);
}

/** A header parameter (`simple` style, not percent-encoded). */
export function headerParam(headers: Headers, param: ParamSpec): unknown {
  const value = headers.get(param.name);
  return value === null ? undefined : listOrText(value, ",", (text) => text);
}

/** A cookie parameter from the `Cookie` header (`form` style, percent-encoded values). */
export function cookieParam(headers: Headers, param: ParamSpec): unknown {
  const values = (headers.get("cookie") ?? "")
    .split(/;\s*/)
    .filter((fragment) => fragment.slice(0, fragment.indexOf("=")) === encodeURIComponent(param.name))
    .map((fragment) => fragment.slice(fragment.indexOf("=") + 1));
  if (values.length === 0) return undefined;
  if (values.length > 1) return values.map(decodeComponent);
  return listOrText(values[0] ?? "", ",", decodeComponent);
}

function listOrText(raw: string, delimiter: string, decode: (text: string) => string): unknown {
  return raw.includes(delimiter) ? delimited(raw, delimiter, decode) : new Delimited(decode(raw), [decode(raw)]);
}

import type { ValidationIssue } from "../errors/format-issues.js";
import type { LazyValidator } from "../operation.js";
import { isPlainObject } from "../request/values.js";
import { check } from "../response/validate.js";
import { Delimited } from "./wire-value.js";

/** Enough rounds for any realistic nesting; each round fixes at least one value or stops. */
const MAX_ROUNDS = 64;

/**
 * Turns text read off the wire back into the value the SDK function was given, guided by the
 * schema: wherever the schema wants a number, a boolean, `null`, a list or an object where the
 * wire had text, the text is converted (`"42"` → `42`, `"a,b"` → `["a", "b"]`). The result is the
 * decoded value whether or not it then matches; a value without a schema stays text.
 */
export function coerce(schema: LazyValidator | undefined, wire: unknown): unknown {
  let value = wire;
  if (schema === undefined) return settle(value);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const checked = check(schema, settle(value));
    if (checked.ok) break;
    const fixed = fixFirst(value, checked.issues);
    if (fixed === undefined) break;
    value = fixed.value;
  }
  return settle(value);
}

/** The value with every `Delimited` still undecided taken as its whole text. */
function settle(value: unknown): unknown {
  if (value instanceof Delimited) return value.text;
  if (Array.isArray(value)) return value.map(settle);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, settle(item)]));
  return value;
}

/** Applies the first issue that a conversion can fix; `undefined` when none can. */
function fixFirst(value: unknown, issues: readonly ValidationIssue[]): { value: unknown } | undefined {
  for (const issue of issues) {
    if (issue.code === "invalid_union") {
      for (const branch of issue.errors) {
        const fixed = fixFirst(value, branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
        if (fixed) return fixed;
      }
      continue;
    }
    const current = valueAt(value, issue.path);
    if (current === NOT_FOUND) continue;
    const converted = convert(current, issue);
    if (converted !== NOT_FOUND) return { value: replaceAt(value, issue.path, converted) };
  }
  return undefined;
}

const NOT_FOUND = Symbol("not found");

function convert(current: unknown, issue: ValidationIssue): unknown {
  const text = current instanceof Delimited ? current.text : typeof current === "string" ? current : undefined;
  if (issue.code === "invalid_value" && text !== undefined) {
    return issue.values.find((allowed) => typeof allowed !== "string" && String(allowed) === text) ?? NOT_FOUND;
  }
  if (issue.code !== "invalid_type") return NOT_FOUND;
  switch (issue.expected) {
    case "number":
      if (text === "") return null;
      return text !== undefined && text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : NOT_FOUND;
    case "bigint":
      return text !== undefined && /^-?\d+$/.test(text) ? BigInt(text) : NOT_FOUND;
    case "boolean":
      if (text === "") return null;
      return text === "true" ? true : text === "false" ? false : NOT_FOUND;
    case "null":
      return text === "" ? null : NOT_FOUND;
    case "array":
      if (current instanceof Delimited) return [...current.parts];
      return current === undefined || Array.isArray(current) ? NOT_FOUND : [current];
    case "object":
      return current instanceof Delimited ? pairsObject(current.parts) : NOT_FOUND;
    case "string":
      return Array.isArray(current) && current.every((item) => typeof item === "string") ? current.join(",") : NOT_FOUND;
    default:
      return NOT_FOUND;
  }
}

/** `R=1,G=2` (exploded) or `R,1,G,2` as `{ R: "1", G: "2" }`. */
function pairsObject(parts: readonly string[]): Record<string, string> | typeof NOT_FOUND {
  if (parts.every((part) => part.includes("="))) return Object.fromEntries(parts.map((part) => [part.slice(0, part.indexOf("=")), part.slice(part.indexOf("=") + 1)]));
  if (parts.length % 2 !== 0) return NOT_FOUND;
  const entries: [string, string][] = [];
  for (let i = 0; i < parts.length; i += 2) entries.push([parts[i] ?? "", parts[i + 1] ?? ""]);
  return Object.fromEntries(entries);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current instanceof Delimited) return NOT_FOUND;
    if (Array.isArray(current) && typeof key === "number") current = current[key];
    else if (isPlainObject(current) && typeof key === "string" && Object.hasOwn(current, key)) current = current[key];
    else return NOT_FOUND;
  }
  return current;
}

function replaceAt(value: unknown, path: readonly PropertyKey[], replacement: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return replacement;
  if (Array.isArray(value) && typeof key === "number") return value.map((item, index) => (index === key ? replaceAt(item, rest, replacement) : item));
  if (isPlainObject(value) && typeof key === "string") return { ...value, [key]: replaceAt(value[key], rest, replacement) };
  return value;
}

/**
 * How single values are written in URLs, headers and form fields. The rules, in one place:
 * - `undefined` is omitted (a parameter, an object property, an array item);
 * - `null` is written as the empty string (`?tag=`), the closest a URL has to "no value";
 * - a `Date` is written as its ISO 8601 string, booleans as `true`/`false`;
 * - an object or array nested where the style cannot express it is written as JSON.
 */

/** An object literal (not an array, Date, Blob, …): the kind of value styles spread into key/value pairs. */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? "";
}

/** Object entries without `undefined` values. */
export function definedEntries(value: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.entries(value).filter(([, item]) => item !== undefined);
}

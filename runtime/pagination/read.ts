import { isFieldPath, type FieldPath, type ValueSource } from "../operation.js";
import type { ApiResponse } from "../response/api-response.js";

/** The value at `path` in a JSON value; `undefined` when a step is missing or not an object. */
export function readPath(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object" || Array.isArray(current) || !Object.hasOwn(current, key)) return undefined;
    current = (current as Readonly<Record<string, unknown>>)[key];
  }
  return current;
}

/** A value of a page: a field of its body, or one of its headers. */
export function readSource(page: ApiResponse<unknown>, source: ValueSource): unknown {
  return isFieldPath(source) ? readPath(page.data, source) : (page.headers.get(source.header) ?? undefined);
}

/** A non-negative count from a number or a numeric string (headers are strings). */
export function asCount(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) && number >= 0 ? number : undefined;
}

/** A boolean from a boolean or `"true"`/`"false"`. */
export function asFlag(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  return undefined;
}

/** A cursor or URL worth following: a non-empty string or a number. */
export function asToken(value: unknown): string | number | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

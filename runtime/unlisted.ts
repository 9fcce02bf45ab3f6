import type { ValidationIssue } from "./errors/format-issues.js";
import { formatIssuePath } from "./errors/format-issues.js";

/**
 * An enum value the spec did not list: the API added it after the SDK was generated. Committed
 * SDKs outlive their spec, so such responses are accepted, and the type says so: handle
 * `Unlisted<string>` in the `default` of a switch over an enum.
 */
export type Unlisted<T> = T & { readonly __unlisted: true };

/**
 * The tag of a variant the spec did not list. It is a string at run time, but typed opaquely:
 * TypeScript narrows a union on a tag only when no member's tag could equal the compared literal,
 * so `if (pet.kind === "cat")` still narrows to `Cat`. Read the raw tag with `String(pet.kind)`.
 */
export type UnlistedTag = { readonly __unlisted: true };

/**
 * A variant of a discriminated union the spec did not list, kept as received: only its tag is
 * known, so handle it in the `default` branch of a `switch` over the tag.
 */
export type UnlistedVariant<Tag extends string> = { readonly [K in Tag]: UnlistedTag } & { readonly __unlisted: true };

/**
 * The values behind validation issues, when every issue is an enum value or a discriminated
 * union's tag the spec did not list; undefined when any issue is a real mismatch.
 */
export function unlistedValues(issues: readonly ValidationIssue[], body: unknown): string[] | undefined {
  const found: string[] = [];
  for (const issue of issues) {
    const value = valueAt(body, issue.path);
    if (!isUnlistedValue(issue, value) && !isUnlistedTag(issue, value)) return undefined;
    found.push(`${formatIssuePath(issue.path)} = ${JSON.stringify(value)}`);
  }
  return found;
}

/**
 * zod reports an enum value it does not know and a required enum field that is missing (or null,
 * or a number among strings) alike, as `invalid_value`: only a value of the listed values' type
 * is one the API may have added since. A missing value is `undefined`, which no JSON enum lists.
 */
function isUnlistedValue(issue: ValidationIssue, value: unknown): boolean {
  return issue.code === "invalid_value" && issue.values.some((listed) => typeof listed === typeof value);
}

/** zod's discriminatedUnion reports a tag matching no variant; a missing tag is a real mismatch. */
function isUnlistedTag(issue: ValidationIssue, value: unknown): boolean {
  return issue.code === "invalid_union" && issue.discriminator !== undefined && issue.errors.length === 0 && typeof value === "string";
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = value !== null && typeof value === "object" ? Reflect.get(value, key) : undefined;
  return value;
}

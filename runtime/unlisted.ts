import type { ValidationIssue } from "./errors/format-issues.js";
import { formatIssuePath } from "./errors/format-issues.js";

/**
 * An enum value the spec did not list: the API added it after the SDK was generated. Committed
 * SDKs outlive their spec, so such responses are accepted, and the type says so: handle
 * `Unlisted<string>` in the `default` of a switch over an enum.
 */
export type Unlisted<T> = T & { readonly __unlisted: true };

/**
 * The values behind validation issues, when every issue is an enum value the spec did not list;
 * undefined when any issue is a real mismatch. (A discriminated union's tag is not tolerated:
 * its variants are told apart by it, so an unknown tag leaves the value without a type.)
 */
export function unlistedValues(issues: readonly ValidationIssue[], body: unknown): string[] | undefined {
  const found: string[] = [];
  for (const issue of issues) {
    if (issue.code !== "invalid_value") return undefined;
    found.push(`${formatIssuePath(issue.path)} = ${JSON.stringify(valueAt(body, issue.path))}`);
  }
  return found;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = value !== null && typeof value === "object" ? Reflect.get(value, key) : undefined;
  return value;
}

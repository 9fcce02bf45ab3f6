import type { core } from "zod";

/** A zod issue: `path` locates the offending value, `message` says what is wrong with it. */
export type ValidationIssue = core.$ZodIssue;

/** How many issues an error message spells out; the rest are counted, so messages stay one line. */
const LISTED_ISSUES = 3;

/** `["items", 0, "name"]` → `items[0].name`; the root is `(root)`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text === "" ? "(root)" : text;
}

/** One line such as `name: Invalid input: expected string, received number (and 2 more issues)`. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  const listed = issues.slice(0, LISTED_ISSUES).map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
  const rest = issues.length - listed.length;
  return listed.join("; ") + (rest > 0 ? ` (and ${rest} more issue${rest === 1 ? "" : "s"})` : "");
}

/** An issue the runtime raises itself (a missing path parameter, a body that is not JSON). */
export function customIssue(path: readonly PropertyKey[], message: string): ValidationIssue {
  return { code: "custom", path: [...path], message, input: undefined };
}

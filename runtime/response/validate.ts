import type { ZodType } from "zod";
import type { ValidationIssue } from "../errors/format-issues.js";

export type Checked = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/**
 * Checks a value against a schema, returning zod's output (defaults applied, unknown keys
 * stripped) or the issues. Callers decide whether to call this at all: with `validate: 'off'` the
 * schema is never touched, so a lazy schema is never even built.
 */
export function check(schema: ZodType | undefined, value: unknown): Checked {
  if (schema === undefined) return { ok: true, value };
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: result.error.issues };
}

import { safeParse, type core } from "zod";
import { builtOnce } from "../built-once.js";
import type { LazyValidator } from "../operation.js";
import type { ValidationIssue } from "../errors/format-issues.js";

export type Checked = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/**
 * Checks a value against a schema, returning zod's output (defaults applied, unknown keys
 * stripped) or the issues. Callers decide whether to call this at all: with `validate: 'off'` the
 * schema is never touched, so it is never even built.
 */
export function check(schema: LazyValidator | undefined, value: unknown): Checked {
  if (schema === undefined) return { ok: true, value };
  // Generated SDKs hand over zod schemas only; `Validator` just spares tsc their full types.
  const result = safeParse(builtOnce(schema) as core.$ZodType, value);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: result.error.issues };
}

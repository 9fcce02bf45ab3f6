import { safeParse, type core } from "zod";
import type { LazyValidator, Validator } from "../operation.js";
import type { ValidationIssue } from "../errors/format-issues.js";

export type Checked = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Validators of inline schemas, made on their first check. */
const built = new WeakMap<() => Validator, Validator>();

/**
 * Checks a value against a schema, returning zod's output (defaults applied, unknown keys
 * stripped) or the issues. Callers decide whether to call this at all: with `validate: 'off'` the
 * schema is never touched, so it is never even built.
 */
export function check(schema: LazyValidator | undefined, value: unknown): Checked {
  if (schema === undefined) return { ok: true, value };
  // Generated SDKs hand over zod schemas only; `Validator` just spares tsc their full types.
  const result = safeParse(validatorOf(schema) as core.$ZodType, value);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: result.error.issues };
}

/** The validator itself: an inline schema's is made on first use, then kept. */
export function validatorOf(schema: LazyValidator): Validator {
  if (typeof schema !== "function") return schema;
  let validator = built.get(schema);
  if (validator === undefined) {
    validator = schema();
    built.set(schema, validator);
  }
  return validator;
}

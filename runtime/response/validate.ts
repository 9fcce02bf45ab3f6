import type { core } from "zod";
import { builtOnce } from "../built-once.js";
import type { LazyValidator } from "../operation.js";
import type { ValidationIssue } from "../errors/format-issues.js";

export type Checked = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/**
 * Checks a value against a schema, returning zod's output (defaults applied, and date-times
 * decoded to `Date`s in an SDK generated with `dates: "date"`; unknown keys are kept unless the SDK
 * was generated with `--strict`) or the issues. Callers decide whether to call this at all: with
 * `validate: 'off'` the schema is never touched, so it is never even built.
 *
 * The schema is run through its Standard Schema `validate`, not zod's `safeParse`, so that the
 * runtime imports no zod: an SDK whose calls never validate never loads it.
 */
export function check(schema: LazyValidator | undefined, value: unknown): Checked {
  if (schema === undefined) return { ok: true, value };
  // Generated SDKs hand over zod schemas only; `Validator` just spares tsc their full types.
  const result = (builtOnce(schema) as core.$ZodType)["~standard"].validate(value);
  if (result instanceof Promise) {
    // zod falls back to its asynchronous parse when a check throws or returns a promise; a call
    // cannot wait for it, and the fallback's rejection is this error's, not an unhandled one.
    result.catch(() => undefined);
    throw new TypeError("a validator ran asynchronously (a check that throws or returns a promise); SDK validators must be synchronous");
  }
  return result.issues === undefined ? { ok: true, value: result.value } : { ok: false, issues: result.issues as readonly ValidationIssue[] };
}

/**
 * Checking a JSON response body against its schema: part of the validation feature (see
 * `RuntimeFeatures.validation`), so that an SDK generated with `--validate off`, which has no
 * validators, bundles none of it.
 */
import type { ApiError } from "../errors/api-error.js";
import { ResponseValidationError } from "../errors/response-validation-error.js";
import type { ResponseSpec } from "../operation.js";
import { asTyped, tolerated, type Interpreter } from "./interpreter.js";
import { check } from "./validate.js";

/** A 2xx body: zod's output, or as received (with its `Date`s) when only unlisted values differ or `validate` is `'warn'`. */
export function validSuccessBody(value: unknown, spec: ResponseSpec, status: number, interpreter: Interpreter): unknown {
  const checked = check(spec.schema, value);
  if (checked.ok) return checked.value;
  if (tolerated(checked.issues, value, interpreter)) return asTyped(value, spec, interpreter);
  const error = new ResponseValidationError({ ...interpreter.context(), status, issues: checked.issues, body: value });
  if (interpreter.validate === "strict") throw error;
  interpreter.log.warn(error.message);
  return asTyped(value, spec, interpreter);
}

/**
 * An error body: a mismatch never hides the API's answer. With `'strict'` its issues become the
 * `ApiError`'s `bodyIssues` (so `isError()` is false, the body not being what the type says); with
 * `'warn'` the mismatch is logged.
 */
export function validErrorBody(value: unknown, spec: ResponseSpec, status: number, interpreter: Interpreter): { value: unknown; bodyIssues: ApiError["bodyIssues"] } {
  const checked = check(spec.schema, value);
  if (checked.ok) return { value: checked.value, bodyIssues: undefined };
  // Kept as received (with its Dates): only values the spec did not list differ, or a mismatch.
  let bodyIssues: ApiError["bodyIssues"];
  if (!tolerated(checked.issues, value, interpreter)) {
    if (interpreter.validate === "strict") bodyIssues = checked.issues;
    else interpreter.log.warn(new ResponseValidationError({ ...interpreter.context(), status, issues: checked.issues, body: value }).message);
  }
  return { value: asTyped(value, spec, interpreter), bodyIssues };
}

import { formatIssues, type ValidationIssue } from "./format-issues.js";
import { brand, CallError, type CallContext } from "./sdk-error.js";

export interface ResponseValidationErrorInit extends CallContext {
  readonly status: number;
  readonly issues: readonly ValidationIssue[];
  /** The body as received (parsed JSON), before validation. */
  readonly body: unknown;
}

/**
 * A successful response's body does not match the operation's schema (with `validate: 'strict'`),
 * or is not valid JSON at all. `issues` locate each mismatch; `body` is what the server sent.
 */
export class ResponseValidationError extends CallError {
  static {
    brand(this, "ResponseValidationError");
  }

  override readonly name = "ResponseValidationError";
  readonly status: number;
  readonly issues: readonly ValidationIssue[];
  readonly body: unknown;

  constructor(init: ResponseValidationErrorInit) {
    super(`${init.method} ${init.url} returned ${init.status} with a body that does not match its schema (${init.operation}): ${formatIssues(init.issues)}`, init);
    this.status = init.status;
    this.issues = init.issues;
    this.body = init.body;
  }
}

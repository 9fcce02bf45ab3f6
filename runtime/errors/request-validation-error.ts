import type { HttpMethod } from "../operation.js";
import { formatIssues, type ValidationIssue } from "./format-issues.js";
import { SdkError } from "./sdk-error.js";

export interface RequestValidationErrorInit {
  readonly operation: string;
  readonly method: HttpMethod;
  /** The path template: the request was never built, so there is no URL yet. */
  readonly path: string;
  /** Paths start with the argument's key: `["body", "name"]`, `["limit"]`. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * The call's arguments do not match the operation's schemas (with `validateRequests: true`), a
 * path parameter is missing, or the request cannot be built (see `refusedRequest`). Thrown before
 * anything is sent.
 */
export class RequestValidationError extends SdkError {
  override readonly name = "RequestValidationError";
  readonly operation: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly issues: readonly ValidationIssue[];

  constructor(init: RequestValidationErrorInit) {
    super(`Invalid arguments for ${init.method} ${init.path} (${init.operation}): ${formatIssues(init.issues)}`);
    this.operation = init.operation;
    this.method = init.method;
    this.path = init.path;
    this.issues = init.issues;
  }
}

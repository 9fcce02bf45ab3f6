import { customIssue } from "../errors/format-issues.js";
import { RequestValidationError } from "../errors/request-validation-error.js";
import type { OperationSpec } from "../operation.js";

/**
 * A request that cannot be built from the call's arguments and options, as the error the SDK
 * throws for it. fetch, `JSON.stringify` and the body encoders refuse such requests with a
 * `TypeError` (a header value with a line break, a `BigInt` or a cycle in a JSON body, a
 * multipart body that is no object, a base URL that does not parse); every error an SDK throws
 * is an `SdkError`. Any other error (a hook's, a caller's `toJSON`) is the caller's own, and
 * passes through unchanged.
 */
export function refusedRequest(operation: OperationSpec, error: unknown): unknown {
  if (!(error instanceof TypeError)) return error;
  return new RequestValidationError({
    operation: operation.id,
    method: operation.method,
    path: operation.path,
    issues: [customIssue([], `the request cannot be built: ${error.message}`)],
  });
}

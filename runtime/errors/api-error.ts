import type { ValidationIssue } from "./format-issues.js";
import { brand, CallError, type CallContext } from "./sdk-error.js";

export interface ApiErrorInit<TStatus extends number, TBody> extends CallContext {
  readonly status: TStatus;
  readonly body: TBody;
  readonly response: Response;
  readonly requestId: string | undefined;
  readonly bodyIssues: readonly ValidationIssue[] | undefined;
}

/**
 * The server answered with a status outside 2xx. `body` is read per the operation's declared
 * response for that status: parsed JSON for JSON responses (the text when it is not valid JSON),
 * a string for text, a `Blob` for binary content, `undefined` when empty.
 *
 * Generated SDKs type it per operation, e.g. `ApiError<404, NotFound> | ApiError<500, Problem>`,
 * so checking `error.status` narrows `error.body`.
 *
 * @example
 * ```
 * try {
 *   await api.getPetById({ petId: 0 });
 * } catch (error) {
 *   if (api.getPetById.isError(error) && error.status === 404) console.log(error.body.message);
 *   else throw error;
 * }
 * ```
 */
export class ApiError<TStatus extends number = number, TBody = unknown> extends CallError {
  static {
    brand(this, "ApiError");
  }

  override readonly name = "ApiError";
  readonly status: TStatus;
  readonly body: TBody;
  readonly headers: Headers;
  /**
   * The response; its body has already been read into `body`. Not enumerable, so that logging the
   * error does not print `response.url`, the request URL unredacted.
   */
  declare readonly response: Response;
  /** The server's request id (`x-request-id` and similar headers), handy for support tickets. */
  readonly requestId: string | undefined;
  /**
   * Set when `validate` is `'strict'` and the body does not match the declared error schema:
   * `body` is then the body as received, and `isError()` says `false`.
   */
  readonly bodyIssues: readonly ValidationIssue[] | undefined;

  constructor(init: ApiErrorInit<TStatus, TBody>) {
    const statusText = init.response.statusText ? ` ${init.response.statusText}` : "";
    const details = [init.operation, ...(init.requestId ? [`request id ${init.requestId}`] : [])].join(", ");
    const mismatch = init.bodyIssues ? "; its body does not match the declared schema" : "";
    super(`${init.method} ${init.url} failed with ${init.status}${statusText} (${details})${mismatch}`, init);
    this.status = init.status;
    this.body = init.body;
    this.headers = init.response.headers;
    Object.defineProperty(this, "response", { value: init.response, enumerable: false });
    this.requestId = init.requestId;
    this.bodyIssues = init.bodyIssues;
  }
}

import type { HttpMethod } from "../operation.js";

/**
 * The base of every error the SDK throws itself, so callers can tell an SDK failure from a bug in
 * their own code with one check: `error instanceof SdkError`.
 */
export class SdkError extends Error {
  override readonly name: string = "SdkError";
}

/** Which call an error belongs to. URLs are always redacted: they never carry credentials. */
export interface CallContext {
  /** The operation's id, e.g. `getPetById`. */
  readonly operation: string;
  readonly method: HttpMethod;
  /** The request URL with credentials replaced by `[redacted]`. */
  readonly url: string;
}

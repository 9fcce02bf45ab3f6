import * as kyExports from "ky";

/**
 * The `code`s of Bun's fetch errors when a connection fails (Bun 1.4: ECONNREFUSED, ECONNRESET; the
 * rest are the same system errors). Older Bun versions named them in words.
 */
const BUN_CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ConnectionRefused",
  "ConnectionClosed",
  "FailedToOpenSocket",
]);

/**
 * Whether a failed fetch means the connection failed (refused, reset, dropped): a `ConnectionError`,
 * and retryable. ky recognises the errors of Node, Deno and the browsers (its `NetworkError`), but
 * not two that the runtime matrix met (test/runtimes): Bun's, a `TypeError` with a system error
 * `code`, and workerd's, a plain `Error` saying "Network connection lost.". ky passes those on as
 * they are.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (kyExports.isNetworkError(error)) return true;
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as { code?: unknown }).code;
  if (error.name === "TypeError" && typeof code === "string" && BUN_CONNECTION_CODES.has(code)) return true;
  return /^Network connection lost\.?$/.test(error.message);
}

/** What a `ConnectionError` keeps as its cause: never ky's error itself, which holds the request, credentials included. */
export function connectionCause(error: unknown): unknown {
  return kyExports.isNetworkError(error) ? error.cause : error;
}

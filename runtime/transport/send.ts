import ky, { isHTTPError, isNetworkError, isTimeoutError, type BeforeRetryHook, type Input, type Options } from "ky";
import { ConnectionError } from "../errors/connection-error.js";
import type { CallContext } from "../errors/sdk-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import type { Log } from "../logging/log.js";
import type { Redactor } from "../logging/redact.js";
import type { OperationSpec } from "../operation.js";
import type { FetchFunction, Hooks } from "../options.js";
import type { EncodedBody } from "../request/body.js";
import type { BufferedBody } from "../response/decode.js";
import { readBytes } from "../response/read-bytes.js";
import { requestIdOf } from "../response/request-id.js";
import { rereadable } from "../response/rereadable.js";
import { isNullBodyStatus, isSuccess, selectResponseSpec } from "../response/select-spec.js";
import { kyRetryOptions, type RetryPolicy } from "./retry-policy.js";

/** What every request of a client shares. */
export interface Transport {
  readonly fetch: FetchFunction | undefined;
  readonly hooks: Hooks;
  readonly log: Log;
  readonly redactor: Redactor;
}

/** What the attempts of one request tell the retry timing and the log lines. */
interface AttemptState {
  attempts: number;
  /** The last attempt's response headers, for `Retry-After`; cleared when an attempt starts. */
  lastHeaders: Headers | undefined;
  /** The last wait before a retry, in milliseconds. */
  lastDelay: number;
}

/** One request, sent and retried as a unit. */
export interface Outgoing {
  readonly operation: OperationSpec;
  /** The full URL, credentials included. */
  readonly url: string;
  /** The call's context for errors and log lines (its URL redacted), made on first use. */
  readonly context: () => CallContext;
  /** `undefined`: no headers of our own (ky still adds its defaults). */
  readonly headers: Headers | undefined;
  readonly body: EncodedBody | undefined;
  readonly signal: AbortSignal | undefined;
  readonly timeout: number | false;
  readonly retry: RetryPolicy;
}

export interface Received {
  /** The final response, 2xx or not. Its body may have been read into `body`: see `rereadable`. */
  readonly response: Response;
  /** Its whole body, read inside the attempt; `undefined` when handed over unread (binary, HEAD, 204). */
  readonly body: BufferedBody | undefined;
  readonly attempts: number;
}

/**
 * Sends a request through ky, which runs the attempts: per-attempt timeout, retries with their
 * waits, hooks. Each attempt is our `fetch`, which also reads a JSON or text body (and any error
 * body) to the end, so that a connection dropped in the middle of a body fails the attempt and is
 * retried like any connection failure, within the same timeout. Binary bodies are handed over
 * unread, to stream.
 *
 * Resolves with the final response whatever its status; rejects with `TimeoutError`,
 * `ConnectionError`, or the caller's abort reason.
 */
export async function send(transport: Transport, outgoing: Outgoing): Promise<Received> {
  const { operation, signal, context } = outgoing;
  const { log } = transport;
  /** The body the latest attempt read, and the response ky was handed for it. */
  let buffered: { readonly response: Response; readonly body: BufferedBody } | undefined;
  const bufferedBody = (response: Response): BufferedBody | undefined => (buffered?.response === response ? buffered.body : undefined);
  const state: AttemptState = { attempts: 0, lastHeaders: undefined, lastDelay: 0 };
  const callerAborted = (): boolean => signal?.aborted === true;
  const debug = log.enabled("debug");
  const loggedBody = outgoing.body && debug ? transport.redactor.body(outgoing.body.body, outgoing.body.contentType) : undefined;

  const afterResponseHooks = (transport.hooks.afterResponse?.length ?? 0) > 0;
  const attempt = async (input: Input, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const number = ++state.attempts;
    state.lastHeaders = undefined;
    const started = debug ? performance.now() : 0;
    if (debug) {
      const { method, url, operation: id } = context();
      log.debug(`request ${method} ${url} (${id}, attempt ${number}; ${transport.redactor.headers(request.headers)}${loggedBody === undefined ? "" : `; body ${loggedBody}`})`);
    }
    const response = await (transport.fetch ?? globalThis.fetch)(request, init);
    state.lastHeaders = response.headers;
    let result = response;
    if (response.body !== null && needsBuffering(operation, response.status)) {
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = await readBytes(response);
      } catch (error) {
        if (request.signal.aborted) throw request.signal.reason ?? error;
        throw new ConnectionError({ ...context(), attempts: number, cause: error });
      }
      const body: BufferedBody = { bytes, contentType: response.headers.get("content-type") ?? "" };
      // ky reads an error response's body, and hands each afterResponse hook a clone: those get a
      // readable copy. Otherwise nothing reads it before the call's result (see `rereadable`).
      if (!isSuccess(response.status) || afterResponseHooks) result = rereadable(response, body);
      buffered = { response: result, body };
    }
    if (debug) {
      const { method, url, operation: id } = context();
      const requestId = requestIdOf(response.headers);
      const duration = Math.round(performance.now() - started);
      log.debug(`response ${response.status} ${method} ${url} (${id}, attempt ${number}) in ${duration} ms${requestId ? `, request id ${requestId}` : ""}`);
    }
    return result;
  };

  const logRetry: BeforeRetryHook = ({ error, retryCount }) => {
    const { method, url, operation: id } = context();
    log.info(
      `retrying ${method} ${url} (${id}) after ${describeFailure(error)}: attempt ${retryCount + 1} of ${outgoing.retry.limit + 1}, waited ${Math.round(state.lastDelay)} ms`,
    );
  };

  // ky merges every option key by key (and copies headers several times), so only what is set is passed.
  const options: Options = {
    method: operation.method,
    ...(outgoing.headers && { headers: outgoing.headers }),
    ...(outgoing.body && { body: outgoing.body.body }),
    ...(signal && { signal }),
    timeout: outgoing.timeout,
    throwHttpErrors: true,
    fetch: attempt,
    retry: kyRetryOptions(outgoing.retry, {
      idempotent: outgoing.headers?.has("idempotency-key") === true,
      streaming: outgoing.body?.streaming === true,
      lastAttempt: () => ({ headers: state.lastHeaders }),
      onDelay: (milliseconds) => {
        state.lastDelay = milliseconds;
      },
      shouldRetry: (error) => (callerAborted() ? false : error instanceof ConnectionError ? true : undefined),
    }),
  };
  const hooks = kyHooks(transport.hooks, log.enabled("info") ? logRetry : undefined);
  if (hooks !== undefined) options.hooks = hooks;

  try {
    const response = await ky(outgoing.url, options);
    const body = bufferedBody(response) ?? (response.body !== null && needsBuffering(operation, response.status) ? await readBody(response) : undefined);
    return { response, body, attempts: state.attempts };
  } catch (error) {
    if (callerAborted()) throw signal?.reason;
    if (isHTTPError(error)) {
      return { response: error.response, body: bufferedBody(error.response) ?? bodyFromKyData(error.data, error.response), attempts: state.attempts };
    }
    if (isTimeoutError(error)) throw new TimeoutError({ ...context(), timeout: outgoing.timeout === false ? 0 : outgoing.timeout, attempts: state.attempts });
    // Not ky's error itself: it holds the request, credentials included.
    if (isNetworkError(error)) throw new ConnectionError({ ...context(), attempts: state.attempts, cause: error.cause });
    throw error;
  }
}

/**
 * The client's hooks, our retry log line first, as ky's `hooks` option; `undefined` when there are
 * none (no client hooks, and a log level that hides retries), since ky copies every list it is given.
 */
function kyHooks(hooks: Hooks, logRetry: BeforeRetryHook | undefined): Options["hooks"] | undefined {
  const beforeRetry = logRetry === undefined ? (hooks.beforeRetry ?? []) : [logRetry, ...(hooks.beforeRetry ?? [])];
  const { beforeRequest = [], afterResponse = [], beforeError = [] } = hooks;
  if (beforeRequest.length + beforeRetry.length + afterResponse.length + beforeError.length === 0) return undefined;
  return { beforeRequest: [...beforeRequest], beforeRetry: [...beforeRetry], afterResponse: [...afterResponse], beforeError: [...beforeError] };
}

/** Bodies read inside the attempt: everything but a successful binary body and bodiless answers. */
function needsBuffering(operation: OperationSpec, status: number): boolean {
  if (operation.method === "HEAD" || isNullBodyStatus(status)) return false;
  return !isSuccess(status) || selectResponseSpec(operation.responses, status)?.kind !== "binary";
}

/** A response a hook made up (so not read by our fetch). */
async function readBody(response: Response): Promise<BufferedBody> {
  return { bytes: await readBytes(response), contentType: response.headers.get("content-type") ?? "" };
}

/** An error response a hook made up: ky has already read it into `error.data` (text, or parsed JSON). */
function bodyFromKyData(data: unknown, response: Response): BufferedBody {
  const contentType = response.headers.get("content-type") ?? "";
  if (data === undefined) return { bytes: new Uint8Array(), contentType };
  const text = typeof data === "string" ? data : JSON.stringify(data);
  return { bytes: new TextEncoder().encode(text), contentType };
}

function describeFailure(error: Error): string {
  if (isHTTPError(error)) return `status ${error.response.status}`;
  if (isTimeoutError(error)) return "a timeout";
  if (isNetworkError(error) || error instanceof ConnectionError) return "a connection failure";
  return error.message;
}

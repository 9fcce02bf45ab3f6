import ky, * as kyExports from "ky";
import type { Hooks as KyHooks, Input, Options } from "ky";
import { ConnectionError } from "../errors/connection-error.js";
import type { CallContext } from "../errors/sdk-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import type { Log } from "../logging/log.js";
import type { Redactor } from "../logging/redact.js";
import type { OperationSpec } from "../operation.js";
import type { FetchFunction, Hooks } from "../options.js";
import type { EncodedBody } from "../request/encoded-body.js";
import { refusedRequest } from "../request/refused.js";
import type { BufferedBody } from "../response/decode.js";
import { readBytes } from "../response/read-bytes.js";
import { requestIdOf } from "../response/request-id.js";
import { rereadable } from "../response/rereadable.js";
import { isNullBodyStatus, isSuccess, selectResponseSpec } from "../response/select-spec.js";
import { sleep } from "./abort.js";
import { connectionCause, isConnectionFailure } from "./connection-failure.js";
import { attemptHooks, RetryStopped } from "./ky-hooks.js";
import { isRetryable, retryDelay, type AttemptFailure, type RetryPolicy } from "./retry-policy.js";

// From the namespace, not named imports: see ky-version.ts.
const { isForceRetryError, isHTTPError, isTimeoutError } = kyExports;

/** What every request of a client shares. */
export interface Transport {
  readonly fetch: FetchFunction | undefined;
  readonly hooks: Hooks;
  readonly log: Log;
  readonly redactor: Redactor;
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
 * Sends a request, retrying it as its policy says. Each attempt is one ky call that does not retry
 * by itself: ky clones every request it may have to retry, which on a small call costs more than
 * all of our own work, while our attempts can start again from the URL and options. ky still runs
 * the per-attempt timeout and the client's hooks (see `attemptHooks`).
 *
 * Each attempt fetches through our `fetch`, which also reads a JSON or text body (and any error
 * body) to the end, so that a connection dropped in the middle of a body fails the attempt and is
 * retried like any connection failure, within the same timeout. Binary bodies are handed over
 * unread, to stream.
 *
 * Resolves with the final response whatever its status; rejects with `TimeoutError`,
 * `ConnectionError`, or the caller's abort reason.
 */
export async function send(transport: Transport, outgoing: Outgoing): Promise<Received> {
  const { operation, signal, context, retry: policy } = outgoing;
  const { log } = transport;
  /** The body the latest attempt read, and the response ky was handed for it. */
  let buffered: { readonly response: Response; readonly body: BufferedBody } | undefined;
  const bufferedBody = (response: Response): BufferedBody | undefined => (buffered?.response === response ? buffered.body : undefined);
  /** Requests fetched so far; an attempt that a hook answers in place of the server fetches none. */
  let fetches = 0;
  const callerAborted = (): boolean => signal?.aborted === true;
  const debug = log.enabled("debug");
  const loggedBody = outgoing.body && debug ? transport.redactor.body(outgoing.body.body, outgoing.body.contentType) : undefined;

  const afterResponseHooks = (transport.hooks.afterResponse?.length ?? 0) > 0;
  const fetchAttempt = async (input: Input, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const number = ++fetches;
    const started = debug ? performance.now() : 0;
    if (debug) {
      const { method, url, operation: id } = context();
      log.debug(`request ${method} ${url} (${id}, attempt ${number}; ${transport.redactor.headers(request.headers)}${loggedBody === undefined ? "" : `; body ${loggedBody}`})`);
    }
    const response = await (transport.fetch ?? globalThis.fetch)(request, signal === undefined ? init : { ...init, signal: followBoth(signal, request.signal) });
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

  // ky merges every option key by key (and copies headers several times), so only what is set is passed.
  const options: Options = {
    method: operation.method,
    ...(outgoing.headers && { headers: outgoing.headers }),
    ...(outgoing.body && { body: outgoing.body.body }),
    ...(signal && { signal }),
    timeout: outgoing.timeout,
    throwHttpErrors: true,
    fetch: fetchAttempt,
    retry: 0,
  };

  // A streamed body cannot be replayed without holding it all in memory.
  const limit = outgoing.body?.streaming === true ? 0 : policy.limit;
  const idempotent = outgoing.headers?.has("idempotency-key") === true;
  let retryCount = 0;
  let fetchesBefore = 0;
  /** The failure, if the current attempt's `error` is to be retried. */
  const retryableFailure = (error: unknown): AttemptFailure | undefined => {
    if (retryCount >= limit || callerAborted() || !(error instanceof Error)) return undefined;
    const failure = attemptFailure(error, fetches > fetchesBefore);
    return failure !== undefined && isRetryable(policy, failure, operation.method, idempotent) ? failure : undefined;
  };
  const willRetry = (error: Error): boolean => retryableFailure(error) !== undefined;
  /** What each attempt sends: the URL and options, unless a hook's `ky.retry({ request })` gave a request. */
  let input: Input = outgoing.url;
  /** The failure the current attempt retries. */
  let retrying: unknown;

  for (;;) {
    fetchesBefore = fetches;
    const hooks = attemptHooks(transport.hooks, { retryCount, retrying: retrying instanceof Error ? retrying : undefined, willRetry });
    try {
      const response = await attempt(operation, input, attemptOptions(options, input, hooks));
      const body = bufferedBody(response) ?? (response.body !== null && needsBuffering(operation, response.status) ? await readBody(response) : undefined);
      return { response, body, attempts: fetches };
    } catch (error) {
      if (callerAborted()) throw signal?.reason;
      if (error instanceof RetryStopped) return outcomeOf(retrying);
      const failure = retryableFailure(error);
      if (failure === undefined) return outcomeOf(error);
      retryCount++;
      const milliseconds = retryDelay(policy, retryCount, failure);
      await sleep(milliseconds, signal);
      if (log.enabled("info")) {
        const { method, url, operation: id } = context();
        log.info(`retrying ${method} ${url} (${id}) after ${describeFailure(error)}: attempt ${retryCount + 1} of ${limit + 1}, waited ${Math.round(milliseconds)} ms`);
      }
      retrying = error;
      if (isForceRetryError(error) && error.customRequest !== undefined) input = error.customRequest;
    }
  }

  /** How the call ends after its last attempt failed: an error response is an answer like any other. */
  function outcomeOf(error: unknown): Received {
    if (isHTTPError(error)) {
      return { response: error.response, body: bufferedBody(error.response) ?? bodyFromKyData(error.data, error.response), attempts: fetches };
    }
    if (isTimeoutError(error)) throw new TimeoutError({ ...context(), timeout: outgoing.timeout === false ? 0 : outgoing.timeout, attempts: fetches });
    if (isConnectionFailure(error)) throw new ConnectionError({ ...context(), attempts: fetches, cause: connectionCause(error) });
    throw error;
  }
}

/** One ky call. ky builds the `Request` before it returns: fetch's refusal to build it is thrown then (see `refusedRequest`). */
function attempt(operation: OperationSpec, input: Input, options: Options): Promise<Response> {
  try {
    return ky(input, options);
  } catch (error) {
    throw refusedRequest(operation, error);
  }
}

/**
 * ky's options for one attempt. A request that a hook made for a retry is sent as it is, as ky
 * would: our method, headers and body would override its own.
 */
function attemptOptions(options: Options, input: Input, hooks: KyHooks | undefined): Options {
  if (input instanceof Request) {
    const { method: _method, headers: _headers, body: _body, ...transportOptions } = options;
    return hooks === undefined ? transportOptions : { ...transportOptions, hooks };
  }
  return hooks === undefined ? options : { ...options, hooks };
}

/**
 * The signal fetch follows: the caller's, and the request's (ky's timeout). fetch would follow the
 * request's alone, which follows the caller's through ky's `AbortSignal.any` and undici's weak
 * references: once ky has returned and a garbage collection has taken ky's request, the caller's
 * abort no longer reaches an unread binary body, which streams to its end (nodejs/node#55428).
 * Given in fetch's init, the caller's signal is followed as by a plain `fetch(url, { signal })`.
 */
function followBoth(caller: AbortSignal, request: AbortSignal): AbortSignal {
  // Without AbortSignal.any (browsers before 2024), ky gives the request the caller's signal itself.
  return typeof AbortSignal.any === "function" ? AbortSignal.any([caller, request]) : request;
}

/** What a failed attempt means for retrying; `undefined`: an error that is never retried. */
function attemptFailure(error: Error, fetched: boolean): AttemptFailure | undefined {
  if (isForceRetryError(error)) return { kind: "forced", delay: error.customDelay };
  // Like ky, an error response that a hook answered with in place of the server is not retried.
  if (isHTTPError(error)) return fetched ? { kind: "status", status: error.response.status, headers: error.response.headers } : undefined;
  if (isTimeoutError(error)) return { kind: "timeout" };
  if (isConnectionFailure(error) || error instanceof ConnectionError) return { kind: "connection" };
  return undefined;
}

/** Bodies read inside the attempt: everything but a successful binary body or stream and bodiless answers. */
function needsBuffering(operation: OperationSpec, status: number): boolean {
  if (operation.method === "HEAD" || isNullBodyStatus(status)) return false;
  if (!isSuccess(status)) return true;
  const kind = selectResponseSpec(operation.responses, status)?.kind;
  return kind !== "binary" && kind !== "stream";
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

function describeFailure(error: unknown): string {
  if (isHTTPError(error)) return `status ${error.response.status}`;
  if (isTimeoutError(error)) return "a timeout";
  if (isConnectionFailure(error) || error instanceof ConnectionError) return "a connection failure";
  if (isForceRetryError(error)) return "an afterResponse hook's request";
  return error instanceof Error ? error.message : String(error);
}

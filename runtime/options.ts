/**
 * Everything a caller can configure: `ClientOptions` once per client, `CallOptions` per call.
 * Option objects are read when the client is created; nothing here is mutated later.
 */
import type { AfterResponseHook, BeforeErrorHook, BeforeRequestHook, BeforeRetryHook } from "ky";
import type { HttpMethod, ValidationMode } from "./operation.js";

/** Header values by name; `undefined` values are skipped. */
export type HeadersRecord = Readonly<Record<string, string | undefined>>;

/** A fetch-compatible function. */
export type FetchFunction = (input: Request, init?: RequestInit) => Promise<Response>;

/** The levels of `logger` output, from most to least verbose. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/** Anything with console's four methods; `console` itself works. Each receives one line of text. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type { ValidationMode };

/**
 * When and how often to retry. Retries wait with exponential backoff and full jitter
 * (a random delay between 0 and `baseDelay * 2 ** (retry - 1)`, at most `backoffLimit`), unless the
 * response says how long to wait, in which case that is honoured, up to `maxRetryAfter`:
 * `retry-after-ms`, or `Retry-After` in seconds or as an HTTP date; else, on 413, 429 and 503, the
 * rate-limit headers ky reads (`RateLimit-Reset`, `X-RateLimit-Retry-After`, `X-RateLimit-Reset`,
 * `X-Rate-Limit-Reset`: seconds, or an epoch time in seconds).
 *
 * POST and PATCH are retried only when the request carries an `Idempotency-Key` header (see
 * `ClientOptions.idempotencyKey`), whatever `methods` says. A request whose body is a
 * `ReadableStream` is never retried: replaying it would mean holding it all in memory.
 *
 * @example
 * ```
 * createClient({ retry: { limit: 5, backoffLimit: 5_000 } });
 * createClient({ retry: 0 }); // never retry
 * ```
 */
export interface RetryOptions {
  /**
   * How many times to retry after the first attempt.
   *
   * @default 2
   */
  readonly limit?: number;
  /**
   * The methods retried after a retryable failure.
   *
   * @default ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']
   */
  readonly methods?: readonly HttpMethod[];
  /**
   * The response statuses that are retried. Connection failures (including a connection reset in
   * the middle of a response body) are always retryable, and timeouts unless `retryOnTimeout` is off.
   *
   * @default [408, 429, 500, 502, 503, 504]
   */
  readonly statusCodes?: readonly number[];
  /**
   * The backoff ceiling before the first retry, in milliseconds; it doubles with every retry.
   *
   * @default 300
   */
  readonly baseDelay?: number;
  /**
   * The longest backoff between two attempts, in milliseconds (server-requested waits are capped by
   * `maxRetryAfter` instead).
   *
   * @default 10_000
   */
  readonly backoffLimit?: number;
  /**
   * The longest server-requested wait (`Retry-After`, `retry-after-ms`, rate-limit headers)
   * honoured, in milliseconds; a longer request waits this long.
   *
   * @default 60_000
   */
  readonly maxRetryAfter?: number;
  /**
   * Whether an attempt that ran past `timeout` is retried.
   *
   * @default true
   */
  readonly retryOnTimeout?: boolean;
  /**
   * Whether backoffs are randomized (full jitter), so that many clients do not retry in lockstep.
   *
   * @default true
   */
  readonly jitter?: boolean;
}

/**
 * ky's hooks, run for every call. They see ky's own errors (`HTTPError`, `TimeoutError`,
 * `NetworkError`); the SDK's errors are made after them. The retries are the SDK's, not ky's (ky
 * makes one attempt at a time), and the hooks keep ky's meaning across them: all but
 * `beforeRequest` (whose count ky fixes at 0) are told the call's `retryCount`, though
 * `options.retry` is that of a single attempt.
 *
 * @see https://github.com/sindresorhus/ky#hooks
 */
export interface Hooks {
  /** Run before every attempt, so that what they set on the request is sent on retries too. */
  readonly beforeRequest?: readonly BeforeRequestHook[];
  /**
   * Run before each retry, after the `beforeRequest` hooks. Returning `ky.stop` ends the call with
   * the failure that was to be retried.
   */
  readonly beforeRetry?: readonly BeforeRetryHook[];
  /**
   * Run after each response. A JSON or text response already holds its whole body here. Returning
   * `ky.retry()` retries the call (within the retry limit, whatever its method and status).
   */
  readonly afterResponse?: readonly AfterResponseHook[];
  /** Run once, on the ky error the call ends with; not on failures that are retried. */
  readonly beforeError?: readonly BeforeErrorHook[];
}

/**
 * What the options of an SDK generated with `--validate off` add to `ClientOptions`: it has no
 * validators, so validation can only be off (and a call's `validate: "strict"` throws `SdkError`).
 */
export interface WithoutValidators {
  readonly validate?: "off";
  readonly validateRequests?: false;
}

/**
 * Options for `createClient`. Every one is optional. An SDK's `createClient` takes
 * `ClientOptions<Auth, Environment, ServerVariables>` (its client.ts declares the three);
 * `ClientOptions<Auth>` leaves out `environment` and `serverVariables`.
 *
 * @example
 * ```
 * const api = createClient({
 *   baseUrl: "https://staging.example.com/v1",
 *   auth: { bearerAuth: () => tokens.current() },
 *   timeout: 10_000,
 *   logger: console,
 *   logLevel: "debug",
 * });
 * ```
 */
export interface ClientOptions<Auth extends object = Record<string, never>, Environment extends string = never, ServerVariables extends object = Record<string, never>> {
  /**
   * The URL operation paths are appended to, for every operation: it wins over `environment` and
   * over the servers an operation declares for itself (so a proxy or a test server sees every
   * call). A path prefix is kept and a trailing slash does not matter: `https://x.test/v1` and
   * `https://x.test/v1/` both give `https://x.test/v1/pets`.
   *
   * @default the environment's server URL
   */
  readonly baseUrl?: string;
  /**
   * The server to call, by name: the spec's servers (or the SDK config's `environments`). An
   * operation that declares its own servers uses its server of the same name, else its first.
   * An unknown name throws `SdkError`.
   *
   * @default the first server
   * @example
   * ```
   * createClient({ environment: "sandbox" });
   * ```
   */
  readonly environment?: Environment;
  /**
   * Values of the server URL's `{variables}`, for whichever server is used (the environment's or
   * an operation's own); each one left out takes its default. Values are URL text: `/` and `:`
   * are kept, `?`, `#` and what a URL cannot hold are percent-encoded. A value the spec does not
   * allow throws `SdkError` under `validate: 'strict'`, is logged under `'warn'`, and is used as
   * given under `'off'`.
   *
   * @default the spec's defaults
   * @example
   * ```
   * createClient({ serverVariables: { region: "eu" } });
   * ```
   */
  readonly serverVariables?: ServerVariables;
  /**
   * Headers sent with every request, or a function (possibly async) called once per call to get
   * them. Header parameters, credentials and `CallOptions.headers` override them.
   *
   * @default {}
   * @example
   * ```
   * createClient({ headers: async () => ({ "X-Tenant": await currentTenant() }) });
   * ```
   */
  readonly headers?: HeadersRecord | (() => HeadersRecord | Promise<HeadersRecord>);
  /**
   * The `X-Client-Info` header sent with every request, which tells the API's operators which SDK
   * (and which version of it) called: by default the API's name and version and gen-client's, e.g.
   * `swagger-petstore/1.0.0 gen-client/0.1.0`. A string replaces it, e.g. to name your app too;
   * `false` sends none. `headers` and `CallOptions.headers` override it.
   *
   * In a browser, a custom header makes a cross-origin request "non-simple": the browser first
   * sends a preflight `OPTIONS`, and the server must list the header in
   * `Access-Control-Allow-Headers`. Credentials (`Authorization`) and JSON bodies do the same, so
   * most calls are preflighted anyway; set `false` where a server does not allow the header.
   *
   * @default "<api>/<api version> gen-client/<gen-client version>"
   * @example
   * ```
   * createClient({ clientInfo: false });
   * ```
   */
  readonly clientInfo?: string | false;
  /**
   * The fetch used for every request, e.g. a wrapper that adds tracing, or a mock in tests.
   *
   * @default globalThis.fetch
   */
  readonly fetch?: FetchFunction;
  /**
   * ky hooks, run for every call: see `Hooks`.
   *
   * @default {}
   */
  readonly hooks?: Hooks;
  /**
   * Credentials, keyed by the spec's security scheme names. An operation is sent with the
   * credentials of the first security alternative whose schemes all have credentials here, and
   * anonymously when none has.
   *
   * @default {}
   * @example
   * ```
   * createClient({ auth: { bearerAuth: () => session.token, api_key: "k-123" } });
   * ```
   */
  readonly auth?: Auth;
  /**
   * How long one attempt may take, in milliseconds: until the response headers arrive, and for
   * JSON and text responses until the whole body has arrived. `false` disables it. Binary
   * responses are handed over once their headers arrive, so long downloads are not cut off.
   *
   * @default 60_000
   */
  readonly timeout?: number | false;
  /**
   * Retry settings, or just the retry limit.
   *
   * @default { limit: 2 }
   */
  readonly retry?: number | RetryOptions;
  /**
   * The most calls of this client in flight at once; further calls wait their turn, first come
   * first served. A waiting call whose `signal` aborts leaves the queue. A binary response frees
   * its slot when it is returned, not when its body has been read.
   *
   * @default Infinity
   */
  readonly maxConcurrency?: number;
  /**
   * Where log lines go.
   *
   * @default console
   */
  readonly logger?: Logger;
  /**
   * The least severe level that is logged: `debug` logs every attempt (method, URL, attempt,
   * headers, a JSON or form body) and response (status, duration, request id); `info` adds
   * retries, token refreshes and failed calls (the caller gets the error, and may handle it);
   * `warn` logs only what the caller is not told otherwise: validation mismatches under
   * `validate: 'warn'`, values the spec does not list, a page walk stopped early. Nothing is
   * logged at `error`. Credentials, and body fields the spec marks `format: password` or
   * `writeOnly`, are always `[redacted]`.
   *
   * @default 'warn'
   */
  readonly logLevel?: LogLevel;
  /**
   * What to do when a JSON body does not match its schema: `'strict'` throws
   * `ResponseValidationError`, `'warn'` logs and returns the body, `'off'` skips validation.
   *
   * @default the SDK's default (`'strict'` unless it was generated with another `validate`)
   */
  readonly validate?: ValidationMode;
  /**
   * Check `args` (body and parameters) against their schemas before sending, throwing
   * `RequestValidationError` without touching the network.
   *
   * @default false
   */
  readonly validateRequests?: boolean;
  /**
   * Send an `Idempotency-Key` header with every POST and PATCH call: a fresh UUID per call (or the
   * function's result), the same on every retry of that call. It also makes POST and PATCH
   * retryable. A key given in `CallOptions.headers` or as a header parameter is kept.
   *
   * @default false
   */
  readonly idempotencyKey?: boolean | (() => string);
}

/**
 * Options for one call, the second argument of every operation.
 *
 * @example
 * ```
 * const controller = new AbortController();
 * await api.listPets({}, { signal: controller.signal, timeout: 5_000, retry: 0 });
 * ```
 */
export interface CallOptions {
  /**
   * Aborts the call at once, whether it is queued, waiting for the client's `headers()` or a
   * credential function (which go on, unheeded), in flight or waiting to retry; the call rejects
   * with the signal's reason and is never retried. A binary response's body, read after the call,
   * is cancelled too.
   */
  readonly signal?: AbortSignal;
  /** Headers for this call; they override every other source, credentials included. */
  readonly headers?: HeadersRecord;
  /** Overrides `ClientOptions.timeout` for this call. */
  readonly timeout?: number | false;
  /** Overrides `ClientOptions.retry` for this call; a number overrides just the limit. */
  readonly retry?: number | RetryOptions;
  /** Overrides `ClientOptions.validate` for this call. */
  readonly validate?: ValidationMode;
  /**
   * For an operation that streams: the longest wait for more of the stream once it has started,
   * in milliseconds, or `false` for none. Defaults to the call's `timeout`, which then covers only
   * the wait for the response to start, not the whole stream.
   */
  readonly streamIdleTimeout?: number | false;
}

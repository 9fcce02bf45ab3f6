import type { Log } from "./logging/log.js";
import type { ApiSpec } from "./api-spec.js";
import type { ClientOptions, ValidationMode } from "./options.js";
import { fixedBaseUrls, type BaseUrlOf } from "./base-url.js";
import { randomIdempotencyKey } from "./transport/idempotency-key.js";
import { DEFAULT_RETRY, resolveRetry, type RetryPolicy } from "./transport/retry-policy.js";

/** The per-attempt timeout when none is given: generous, since it also covers reading the body. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Names the SDK on every request (see `ClientOptions.clientInfo`). Not `User-Agent`: browsers do
 * not let scripts set it, and a header that reaches the server only from some runtimes tells it
 * little.
 */
export const CLIENT_INFO_HEADER = "x-client-info";

/** `ClientOptions` with defaults applied: what each call reads. */
export interface Config {
  /** The client's base URL: `baseUrl`, else its environment's server URL. */
  readonly baseUrl: string;
  /** Each operation's base URL: `baseUrl` when there is one, else the operation's own server's or `baseUrl`. */
  readonly baseUrlOf: BaseUrlOf;
  readonly headers: ClientOptions["headers"];
  /** The `X-Client-Info` header's value; `undefined` when it is not sent. */
  readonly clientInfo: string | undefined;
  readonly auth: object | undefined;
  readonly timeout: number | false;
  readonly retry: RetryPolicy;
  readonly validate: ValidationMode;
  readonly validateRequests: boolean;
  /** Makes an `Idempotency-Key` for a POST or PATCH call; `undefined` when the option is off. */
  readonly idempotencyKey: (() => string) | undefined;
}

export function resolveConfig(options: ClientOptions<object, string, object>, api: ApiSpec, log: Log): Config {
  const idempotencyKey = options.idempotencyKey;
  const validate = options.validate ?? api.validate ?? "strict";
  const { baseUrl, of: baseUrlOf } = (api.features?.resolveBaseUrls ?? fixedBaseUrls)(options, api, validate, log);
  return {
    baseUrl,
    baseUrlOf,
    headers: options.headers,
    clientInfo: options.clientInfo === false ? undefined : (options.clientInfo ?? api.clientInfo),
    auth: options.auth,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    retry: resolveRetry(options.retry, DEFAULT_RETRY),
    validate,
    validateRequests: options.validateRequests ?? false,
    idempotencyKey: typeof idempotencyKey === "function" ? idempotencyKey : idempotencyKey === true ? randomIdempotencyKey : undefined,
  };
}

/** One scheme's credential from the generated `Auth` object (whose shape only the SDK knows). */
export function credentialOf(auth: object | undefined, scheme: string): unknown {
  return auth === undefined ? undefined : (auth as Readonly<Record<string, unknown>>)[scheme];
}

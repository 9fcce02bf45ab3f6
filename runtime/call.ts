import { NO_AUTH, type AppliedAuth, type AuthContext } from "./auth/apply-auth.js";
import type { TokenSourceOf } from "./auth/token-sources.js";
import { selectRequirement } from "./auth/select-security.js";
import { CLIENT_INFO_HEADER, credentialOf, type Config } from "./config.js";
import { SdkError, type CallContext } from "./errors/sdk-error.js";
import type { Log } from "./logging/log.js";
import type { Redactor } from "./logging/redact.js";
import type { ApiSpec, RuntimeFeatures } from "./api-spec.js";
import type { OperationSpec, SecurityRequirement } from "./operation.js";
import type { CallOptions, HeadersRecord, ValidationMode } from "./options.js";
import { readArgs } from "./request/args.js";
import { prepareRequest, type PreparedRequest } from "./request/prepare.js";
import { refusedRequest } from "./request/refused.js";
import { withQuery } from "./request/url.js";
import type { ApiResponse } from "./response/api-response.js";
import { interpret } from "./response/interpret.js";
import type { Interpreter } from "./response/interpreter.js";
import { raceAbort } from "./transport/abort.js";
import type { Limiter } from "./transport/concurrency.js";
import { resolveRetry } from "./transport/retry-policy.js";
import { send, type Received, type Transport } from "./transport/send.js";

/** What a client's calls share. */
export interface Client {
  readonly schemes: ApiSpec["securitySchemes"];
  readonly config: Config;
  readonly transport: Transport;
  readonly limiter: Limiter;
  readonly tokenSource: TokenSourceOf;
  /** The SDK was generated with `--strict`: unlisted enum values fail validation. */
  readonly strict: boolean;
  /** The SDK was generated with `dates: "date"`: date-time values are `Date`s. */
  readonly dates: boolean;
  /** Unlisted enum values and variants already logged, each once. */
  readonly reportedUnlisted: Set<string>;
  /** See `ApiSpec.loadValidators`. */
  readonly loadValidators: (() => Promise<void>) | undefined;
  readonly features: RuntimeFeatures;
}

/**
 * One call of an operation, start to end: check and encode the arguments, wait for a slot, send
 * (with credentials, retries, and one replay after an OAuth 2 token refresh), read the result.
 */
export async function call(client: Client, operation: OperationSpec, rawArgs: unknown, options: CallOptions = {}): Promise<ApiResponse<unknown>> {
  try {
    if (options.validate !== undefined) assertValidators(client.features, options.validate, false, operation.id);
    const args = readArgs(operation, rawArgs);
    if (client.loadValidators !== undefined && needsValidators(client, options)) await client.loadValidators();
    // Without the validation feature, createCore has refused validateRequests.
    if (client.config.validateRequests) client.features.validation?.request(operation, args);
    const prepared = prepareRequest(operation, args, client.config.baseUrlOf(operation), client.features);
    if (!mayStream(operation)) return await client.limiter.run(() => exchange(client, operation, prepared, options, undefined), options.signal);
    // A stream holds its slot until it is closed: see `Stream`.
    const release = await client.limiter.acquire(options.signal);
    try {
      const result = await exchange(client, operation, prepared, options, release);
      if (client.features.streams?.isStream(result.data) !== true) release();
      return result;
    } catch (error) {
      release();
      throw error;
    }
  } catch (error) {
    reportFailure(client.transport.log, operation, error, options.signal);
    throw error;
  }
}

/**
 * An SDK generated with `--validate off` has no validators (nor the runtime's validation feature):
 * asking one to validate is refused, rather than silently not checking. `where`: `createClient`, or the operation.
 */
export function assertValidators(features: RuntimeFeatures, validate: ValidationMode, validateRequests: boolean, where: string): void {
  if (features.validation !== undefined || (validate === "off" && !validateRequests)) return;
  const asked = validateRequests ? "validateRequests: true" : `validate: ${JSON.stringify(validate)}`;
  throw new SdkError(`${where}: ${asked} needs validators, and this SDK was generated with --validate off, without them; regenerate it without that option to validate`);
}

/** Validators check requests and responses, and find the date-times to decode when nothing is checked. */
function needsValidators(client: Client, options: CallOptions): boolean {
  return client.config.validateRequests || (options.validate ?? client.config.validate) !== "off" || client.dates;
}

function mayStream(operation: OperationSpec): boolean {
  for (const status in operation.responses) if (operation.responses[status]?.kind === "stream") return true;
  return false;
}

/** `releaseStream`: frees the call's slot, once its stream is closed (only for operations that may stream). */
async function exchange(
  client: Client,
  operation: OperationSpec,
  prepared: PreparedRequest,
  options: CallOptions,
  releaseStream: (() => void) | undefined,
): Promise<ApiResponse<unknown>> {
  const { config, transport } = client;
  // Awaited only when it is a function: an `await` costs a turn of the microtask queue on every call.
  // The caller's abort does not wait for it (nor for a credential function below), as in every other state.
  const clientHeaderRecord = typeof config.headers === "function" ? await raceAbort(Promise.resolve(config.headers()), options.signal) : config.headers;
  const headers = buildingRequest(operation, () => baseHeaders(config, operation, prepared, clientHeaderRecord, options.headers));
  const requirement = selectRequirement(operation.security, (scheme) => credentialOf(config.auth, scheme) !== undefined);
  if (requirement === undefined) transport.log.debug(`${operation.id}: no credentials for any of its security requirements, sending it without`);

  const retry = resolveRetry(options.retry, config.retry);
  const sendWithCredentials = async (base = headers): Promise<{ received: Received; auth: AppliedAuth; context: () => CallContext }> => {
    const auth = requirement === undefined || isEmpty(requirement) ? NO_AUTH : await raceAbort(applyAuth(client.features)(requirement, authContext(client, options.signal)), options.signal);
    const url = withQuery(prepared.url, auth.query.length === 0 ? prepared.query : [...prepared.query, ...auth.query]);
    const context = callContext(operation, url, transport.redactor);
    const received = await send(transport, {
      operation,
      url,
      context,
      headers: buildingRequest(operation, () => withCredentials(base, auth, prepared.cookies, options.headers)),
      body: prepared.body,
      signal: options.signal,
      timeout: options.timeout ?? config.timeout,
      retry,
    });
    return { received, auth, context };
  };

  let sent = await sendWithCredentials();
  const grant = sent.auth.oauth;
  if (sent.received.response.status === 401 && grant && prepared.body?.streaming !== true) {
    transport.log.info(`${operation.id}: the access token was refused (401), fetching a new one and replaying the request`);
    await grant.source.refresh(grant.scopes, grant.token, options.signal);
    sent = await sendWithCredentials();
  }
  const interpreter: Interpreter = {
    operation,
    context: sent.context,
    validate: options.validate ?? config.validate,
    log: transport.log,
    strict: client.strict,
    dates: client.dates,
    reported: client.reportedUnlisted,
    features: client.features,
  };
  if (releaseStream === undefined) return interpret(sent.received, interpreter);
  const streams = client.features.streams;
  if (streams === undefined) throw new TypeError("internal: a streamed response, in an SDK generated without streams");
  return streams.readCall(sent.received, interpreter, {
    signal: options.signal,
    idleTimeout: options.streamIdleTimeout ?? options.timeout ?? config.timeout,
    onClose: releaseStream,
    retry,
    headers,
    resend: async (resumeHeaders) => (await sendWithCredentials(resumeHeaders)).received,
  });
}

/**
 * The call's context for errors and log lines, made on first use: redacting the URL runs a regular
 * expression, and a call that succeeds quietly never needs it.
 */
function callContext(operation: OperationSpec, url: string, redactor: Redactor): () => CallContext {
  let context: CallContext | undefined;
  return () => (context ??= { operation: operation.id, method: operation.method, url: redactor.url(url) });
}

function isEmpty(requirement: SecurityRequirement): boolean {
  for (const _ in requirement) return false;
  return true;
}

/**
 * Every header but credentials, lowest precedence first: the client's headers, header parameters,
 * the body's Content-Type, the call's headers; then an `Idempotency-Key` if one is due and none
 * was given. The key is made once here, so every retry and replay of the call sends the same.
 * `undefined` when there are none: ky copies a `Headers` several times per request, even an empty one.
 */
function baseHeaders(
  config: Config,
  operation: OperationSpec,
  prepared: PreparedRequest,
  clientHeaderRecord: HeadersRecord | undefined,
  callHeaders: HeadersRecord | undefined,
): Headers | undefined {
  const makeKey = operation.method === "POST" || operation.method === "PATCH" ? config.idempotencyKey : undefined;
  const contentType = prepared.body?.contentType;
  const accept = operation.accept;
  if (config.clientInfo === undefined && accept === undefined && clientHeaderRecord === undefined && prepared.headers.length === 0 && contentType === undefined && callHeaders === undefined && makeKey === undefined) {
    return undefined;
  }
  const headers = new Headers();
  // First, so the client's and the call's headers, and a header parameter named Accept, replace it.
  if (accept !== undefined) headers.set("accept", accept);
  if (config.clientInfo !== undefined) headers.set(CLIENT_INFO_HEADER, config.clientInfo);
  if (clientHeaderRecord !== undefined) setAll(headers, Object.entries(clientHeaderRecord));
  setAll(headers, prepared.headers);
  if (contentType !== undefined) headers.set("content-type", contentType);
  if (callHeaders !== undefined) setAll(headers, Object.entries(callHeaders));
  if (makeKey !== undefined && !headers.has("idempotency-key")) headers.set("idempotency-key", makeKey());
  return headers;
}

/** Adds credentials and cookies; the call's own headers still win, credentials included. */
function withCredentials(base: Headers | undefined, auth: AppliedAuth, cookies: readonly string[], callHeaders: HeadersRecord | undefined): Headers | undefined {
  // `base` is not changed (a replay after a token refresh starts from it again), so it can be sent as it is.
  if (auth.headers.length === 0 && auth.cookies.length === 0 && cookies.length === 0) return base;
  const headers = new Headers(base);
  setAll(headers, auth.headers);
  const allCookies = [headers.get("cookie"), ...cookies, ...auth.cookies].filter((cookie) => cookie !== null && cookie !== "");
  if (allCookies.length > 0) headers.set("cookie", allCookies.join("; "));
  setAll(headers, Object.entries(callHeaders ?? {}));
  return headers;
}

/** Headers fetch refuses (a value with a line break, or beyond Latin-1) are the caller's to fix: see `refusedRequest`. */
function buildingRequest<T>(operation: OperationSpec, build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw refusedRequest(operation, error);
  }
}

function setAll(headers: Headers, entries: Iterable<readonly [string, string | undefined]>): void {
  for (const [name, value] of entries) if (value !== undefined) headers.set(name, value);
}

function authContext(client: Client, signal: AbortSignal | undefined): AuthContext {
  return { schemes: client.schemes, credential: (scheme) => credentialOf(client.config.auth, scheme), tokenSource: client.tokenSource, signal };
}

/**
 * A failed call, at `info`: the caller receives the error and may well handle it (a 404 that means
 * "not found"), so it is no warning; as in openai-node, only what the caller is not told (a
 * mismatch under `validate: 'warn'`) is logged at the default level.
 */
function reportFailure(log: Log, operation: OperationSpec, error: unknown, signal: AbortSignal | undefined): void {
  if (signal?.aborted && error === signal.reason) {
    log.debug(`${operation.id}: aborted by the caller`);
    return;
  }
  log.info(`${operation.id} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
}

/** Passed in by SDKs whose spec declares security schemes (see `RuntimeFeatures`); only they have requirements to meet. */
function applyAuth(features: RuntimeFeatures): NonNullable<RuntimeFeatures["applyAuth"]> {
  if (features.applyAuth === undefined) throw new TypeError("internal: a security requirement, in an SDK generated without security schemes");
  return features.applyAuth;
}

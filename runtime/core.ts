import { assertValidators, call, type Client } from "./call.js";
import { resolveConfig } from "./config.js";
import type { CallFunction } from "./endpoint.js";
import { Log } from "./logging/log.js";
import { Redactor } from "./logging/redact.js";
import type { ApiSpec } from "./api-spec.js";
import type { ClientOptions } from "./options.js";
import type { PagingContext } from "./pagination/walk.js";
import { createLimiter } from "./transport/concurrency.js";
import { assertKy2 } from "./transport/ky-version.js";

/**
 * A client without operations: its options, credentials, retries, concurrency queue and logging.
 * Per-operation functions (an SDK's `funcs/`) take it as their first argument, so an app bundles
 * only the operations it imports; `createClient` builds its methods over one. Opaque: its members
 * are the runtime's and may change between versions.
 */
export interface ClientCore {
  /** @internal */
  readonly call: CallFunction;
  /** @internal */
  readonly paging: PagingContext;
}

/**
 * Creates a core. Everything stateful (the concurrency queue, cached OAuth tokens) lives here,
 * per core; nothing is shared between cores.
 */
export function createCore<Auth extends object, Environment extends string = never, ServerVariables extends object = Record<string, never>>(
  options: ClientOptions<Auth, Environment, ServerVariables>,
  api: ApiSpec,
): ClientCore {
  assertKy2();
  const log = new Log(options.logger ?? console, options.logLevel ?? "warn", api.title);
  const config = resolveConfig(options, api, log);
  assertValidators(api.features ?? {}, config.validate, config.validateRequests, "createClient");
  const client: Client = {
    schemes: api.securitySchemes,
    config,
    strict: api.strict === true,
    dates: api.dates === "date",
    reportedUnlisted: new Set(),
    loadValidators: api.loadValidators,
    features: api.features ?? {},
    transport: {
      fetch: options.fetch,
      hooks: options.hooks ?? {},
      log,
      redactor: new Redactor(api),
    },
    limiter: createLimiter(options.maxConcurrency ?? Number.POSITIVE_INFINITY),
    tokenSource:
      api.features?.tokenSources?.(api, config, options.fetch, log) ??
      ((scheme) => {
        throw new TypeError(`Security scheme "${scheme}" declares no client-credentials flow: pass an access token instead`);
      }),
  };
  const callOperation: CallFunction = (operation, args, callOptions) => call(client, operation, args, callOptions);
  return {
    call: callOperation,
    paging: {
      call: callOperation,
      baseUrlOf: config.baseUrlOf,
      log,
      redactUrl: (url) => client.transport.redactor.url(url),
      hiddenLinkWarnings: new Set(),
    },
  };
}

import { ClientCredentialsSource } from "./auth/client-credentials.js";
import type { ClientCredentials } from "./auth/credentials.js";
import { call, type Client } from "./call.js";
import { resolveConfig, resolveTokenUrl } from "./config.js";
import { createEndpoint, type CallFunction, type Endpoint, type OptionalArgsEndpoint } from "./endpoint.js";
import type { ApiError } from "./errors/api-error.js";
import { Log } from "./logging/log.js";
import { Redactor } from "./logging/redact.js";
import type { ApiSpec, LazyOperationSpec } from "./operation.js";
import type { ClientOptions } from "./options.js";
import { withPagination, type OptionalArgsPaginatedEndpoint, type PaginatedEndpoint } from "./pagination/paginated-endpoint.js";
import type { PagingContext } from "./pagination/walk.js";
import { createLimiter } from "./transport/concurrency.js";

/** Binds operation specs to one client's options; generated `createClient` functions use it. */
export interface Runtime {
  /** An endpoint whose arguments include something required. */
  endpoint<A, R, E extends ApiError = ApiError>(operation: LazyOperationSpec): Endpoint<A, R, E>;
  /** An endpoint whose arguments may be left out. */
  optionalEndpoint<A, R, E extends ApiError = ApiError>(operation: LazyOperationSpec): OptionalArgsEndpoint<A, R, E>;
  /** An endpoint with `pages()` and `paginate()`, for an operation with a pagination spec. */
  paginatedEndpoint<A, P, I, E extends ApiError = ApiError>(operation: LazyOperationSpec): PaginatedEndpoint<A, P, I, E>;
  /** A paginated endpoint whose arguments may be left out. */
  optionalPaginatedEndpoint<A, P, I, E extends ApiError = ApiError>(operation: LazyOperationSpec): OptionalArgsPaginatedEndpoint<A, P, I, E>;
}

/**
 * Creates the runtime behind one client. Everything stateful (the concurrency queue, cached OAuth
 * tokens) lives here, per client; nothing is shared between clients.
 */
export function createRuntime<Auth extends object>(options: ClientOptions<Auth>, api: ApiSpec): Runtime {
  const config = resolveConfig(options, api);
  const tokenSources = new Map<string, ClientCredentialsSource>();
  const log = new Log(options.logger ?? console, options.logLevel ?? "warn", api.title);
  const client: Client = {
    schemes: api.securitySchemes,
    config,
    strict: api.strict === true,
    dates: api.dates === "date",
    reportedUnlisted: new Set(),
    loadValidators: api.loadValidators,
    transport: {
      fetch: options.fetch,
      hooks: options.hooks ?? {},
      log,
      redactor: new Redactor(api),
    },
    limiter: createLimiter(options.maxConcurrency ?? Number.POSITIVE_INFINITY),
    tokenSource: (scheme: string, credentials: ClientCredentials) => {
      let source = tokenSources.get(scheme);
      if (!source) {
        const spec = api.securitySchemes[scheme];
        const tokenUrl = spec?.type === "oauth2" && spec.tokenUrl !== undefined ? resolveTokenUrl(spec.tokenUrl, config.baseUrl) : "";
        source = new ClientCredentialsSource({ scheme, tokenUrl, credentials, fetch: options.fetch, timeout: config.timeout, log });
        tokenSources.set(scheme, source);
      }
      return source;
    },
  };
  const callOperation: CallFunction = (operation, args, callOptions) => call(client, operation, args, callOptions);
  const paging: PagingContext = { call: callOperation, baseUrl: config.baseUrl, log: client.transport.log, redactUrl: (url) => client.transport.redactor.url(url) };
  return {
    endpoint: (operation) => createEndpoint(callOperation, operation),
    optionalEndpoint: (operation) => createEndpoint(callOperation, operation),
    paginatedEndpoint: (operation) => withPagination(createEndpoint(callOperation, operation), paging),
    optionalPaginatedEndpoint: (operation) => withPagination(createEndpoint(callOperation, operation), paging),
  };
}

import { ClientCredentialsSource } from "./auth/client-credentials.js";
import type { ClientCredentials } from "./auth/credentials.js";
import { call, type Client } from "./call.js";
import { resolveConfig, resolveTokenUrl } from "./config.js";
import { createEndpoint, type CallFunction, type Endpoint, type OptionalArgsEndpoint } from "./endpoint.js";
import { Log } from "./logging/log.js";
import { Redactor } from "./logging/redact.js";
import type { ApiSpec, LazyOperationSpec } from "./operation.js";
import type { ClientOptions } from "./options.js";
import { withPagination, type OptionalArgsPaginatedEndpoint, type PaginatedEndpoint } from "./pagination/paginated-endpoint.js";
import type { PagingContext } from "./pagination/walk.js";
import { createLimiter } from "./transport/concurrency.js";
import { assertKy2 } from "./transport/ky-version.js";

/**
 * Binds operation specs to one client's options; generated `createClient` functions use it.
 *
 * Its endpoints are typed open: any arguments object, and results and errors of type `never`, so
 * that each is assignable to the endpoint its `Client` property declares, which gives it its
 * types. TypeScript checks that assignment by the endpoint type's variance, which on GitHub's
 * 1,223 operations costs a fraction of inferring type arguments for as many generic calls; it
 * still rejects an endpoint of the wrong kind, such as a plain one where the client declares a
 * paginated one. Like every result type of the runtime's, the declared one is the generator's
 * promise: the runtime produces what the operation's spec describes.
 */
export interface Runtime {
  /** An endpoint whose arguments include something required. */
  endpoint(operation: LazyOperationSpec): Endpoint<object, never, never>;
  /** An endpoint whose arguments may be left out. */
  optionalEndpoint(operation: LazyOperationSpec): OptionalArgsEndpoint<object, never, never>;
  /** An endpoint with `pages()` and `paginate()`, for an operation with a pagination spec. */
  paginatedEndpoint(operation: LazyOperationSpec): PaginatedEndpoint<object, never, never, never>;
  /** A paginated endpoint whose arguments may be left out. */
  optionalPaginatedEndpoint(operation: LazyOperationSpec): OptionalArgsPaginatedEndpoint<object, never, never, never>;
}

/**
 * Creates the runtime behind one client. Everything stateful (the concurrency queue, cached OAuth
 * tokens) lives here, per client; nothing is shared between clients.
 */
export function createRuntime<Auth extends object, Environment extends string = never, ServerVariables extends object = Record<string, never>>(
  options: ClientOptions<Auth, Environment, ServerVariables>,
  api: ApiSpec,
): Runtime {
  assertKy2();
  const log = new Log(options.logger ?? console, options.logLevel ?? "warn", api.title);
  const config = resolveConfig(options, api, log);
  const tokenSources = new Map<string, ClientCredentialsSource>();
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
  const paging: PagingContext = {
    call: callOperation,
    baseUrlOf: config.baseUrlOf,
    log: client.transport.log,
    redactUrl: (url) => client.transport.redactor.url(url),
    hiddenLinkWarnings: new Set(),
  };
  return {
    endpoint: (operation) => createEndpoint(callOperation, operation),
    optionalEndpoint: (operation) => createEndpoint(callOperation, operation),
    paginatedEndpoint: (operation) => withPagination(createEndpoint(callOperation, operation), paging),
    optionalPaginatedEndpoint: (operation) => withPagination(createEndpoint(callOperation, operation), paging),
  };
}

import { createCore } from "./core.js";
import { createEndpoint, type Endpoint, type OptionalArgsEndpoint } from "./endpoint.js";
import type { ApiSpec } from "./api-spec.js";
import type { LazyOperationSpec } from "./operation.js";
import type { ClientOptions } from "./options.js";
import { withPagination, type OptionalArgsPaginatedEndpoint, type PaginatedEndpoint } from "./pagination/paginated-endpoint.js";

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

/** Creates the runtime behind one client: its methods over one core (see `createCore`). */
export function createRuntime<Auth extends object, Environment extends string = never, ServerVariables extends object = Record<string, never>>(
  options: ClientOptions<Auth, Environment, ServerVariables>,
  api: ApiSpec,
): Runtime {
  const { call: callOperation, paging } = createCore(options, api);
  return {
    endpoint: (operation) => createEndpoint(callOperation, operation),
    optionalEndpoint: (operation) => createEndpoint(callOperation, operation),
    paginatedEndpoint: (operation) => withPagination(createEndpoint(callOperation, operation), paging),
    optionalPaginatedEndpoint: (operation) => withPagination(createEndpoint(callOperation, operation), paging),
  };
}

import type { ClientCore } from "./core.js";
import type { ApiError } from "./errors/api-error.js";
import { funcOver, validatedSpec, type OperationFunc, type OperationValidators, type OptionalArgsOperationFunc } from "./funcs.js";
import type { LazyOperationSpec } from "./operation.js";
import { withPagination, type OptionalArgsPaginatedEndpoint } from "./pagination/paginated-endpoint.js";
import type { ApiPage, PaginateOptions } from "./pagination/walk.js";

/**
 * An operation whose results span pages: callable like any `OperationFunc` (one page), and
 * walkable with the core: `for await (const repo of reposListForOrg.paginate(core, { org }))`.
 */
export interface PaginatedOperationFunc<A, P, I, E extends ApiError = ApiError> extends OperationFunc<A, P, E> {
  /** Every page, one request at a time as the loop asks for them; stops after the last. */
  pages(core: ClientCore, args: A, options?: PaginateOptions): AsyncGenerator<ApiPage<P, I>, void, undefined>;
  /** Every item of every page, in order. */
  paginate(core: ClientCore, args: A, options?: PaginateOptions): AsyncGenerator<I, void, undefined>;
}

/** A `PaginatedOperationFunc` whose arguments are all optional, so `args` may be left out. */
export interface OptionalArgsPaginatedOperationFunc<A, P, I, E extends ApiError = ApiError> extends OptionalArgsOperationFunc<A, P, E> {
  pages(core: ClientCore, args?: A, options?: PaginateOptions): AsyncGenerator<ApiPage<P, I>, void, undefined>;
  paginate(core: ClientCore, args?: A, options?: PaginateOptions): AsyncGenerator<I, void, undefined>;
}

/** `operationFunc` with `pages` and `paginate`, for an operation with a pagination spec; typed as it is. */
export function paginatedOperationFunc<F>(spec: LazyOperationSpec, validators?: OperationValidators): F {
  const { func, endpoint } = funcOver(validatedSpec(spec, validators));
  const walkers = new WeakMap<ClientCore, OptionalArgsPaginatedEndpoint<object, never, never, never>>();
  // Walks go through the function's own endpoint on the core, so their pages are validated as its calls are.
  const walker = (core: ClientCore): OptionalArgsPaginatedEndpoint<object, never, never, never> => {
    let made = walkers.get(core);
    if (made === undefined) {
      made = withPagination<object, never, never, never>(endpoint(core), core.paging);
      walkers.set(core, made);
    }
    return made;
  };
  const made: OptionalArgsPaginatedOperationFunc<object, never, never, never> = Object.assign(func, {
    pages: (core: ClientCore, args?: object, options?: PaginateOptions) => walker(core).pages(args, options),
    paginate: (core: ClientCore, args?: object, options?: PaginateOptions) => walker(core).paginate(args, options),
  });
  return made as F;
}

import type { Endpoint, OptionalArgsEndpoint } from "../endpoint.js";
import type { ApiError } from "../errors/api-error.js";
import type { OperationSpec, PaginationSpec } from "../operation.js";
import { walkPages, type ApiPage, type PaginateOptions, type PagingContext } from "./walk.js";

/**
 * An operation whose results span pages: callable like any `Endpoint` (one page), and walkable.
 * `P` is a page's body, `I` one item.
 *
 * @example
 * ```
 * for await (const pet of api.listPets.paginate({ limit: 100 })) console.log(pet.name);
 * for await (const page of api.listPets.pages({ limit: 100 }, { maxPages: 3 })) console.log(page.status, page.items.length);
 * ```
 */
export interface PaginatedEndpoint<A, P, I, E extends ApiError = ApiError> extends Endpoint<A, P, E> {
  /** Every page, one request at a time as the loop asks for them; stops after the last. */
  pages(args: A, options?: PaginateOptions): AsyncGenerator<ApiPage<P, I>, void, undefined>;
  /** Every item of every page, in order. */
  paginate(args: A, options?: PaginateOptions): AsyncGenerator<I, void, undefined>;
}

/** A `PaginatedEndpoint` whose arguments are all optional, so `args` may be left out. */
export interface OptionalArgsPaginatedEndpoint<A, P, I, E extends ApiError = ApiError> extends OptionalArgsEndpoint<A, P, E> {
  pages(args?: A, options?: PaginateOptions): AsyncGenerator<ApiPage<P, I>, void, undefined>;
  paginate(args?: A, options?: PaginateOptions): AsyncGenerator<I, void, undefined>;
}

/**
 * Adds `pages` and `paginate` to an endpoint. Like `createEndpoint`'s `R`, `P` and `I` are the
 * generator's promise: the walk reads what the operation's pagination spec says.
 */
export function withPagination<A, P, I, E extends ApiError>(endpoint: OptionalArgsEndpoint<A, P, E>, context: PagingContext): OptionalArgsPaginatedEndpoint<A, P, I, E> {
  // Read on the first walk, not here: `endpoint.operation` builds the spec (see `createEndpoint`).
  let operation: PagedOperationSpec | undefined;
  const pages = (args?: A, options?: PaginateOptions) =>
    walkPages(context, (operation ??= paginated(endpoint.operation)), args, options) as AsyncGenerator<ApiPage<P, I>, void, undefined>;
  async function* paginate(args?: A, options?: PaginateOptions): AsyncGenerator<I, void, undefined> {
    let left = options?.maxItems ?? Number.POSITIVE_INFINITY;
    for await (const page of pages(args, options)) {
      for (const item of page.items) {
        if (left-- <= 0) return;
        yield item;
      }
    }
  }
  return Object.assign(endpoint, { pages, paginate });
}

type PagedOperationSpec = OperationSpec & { readonly pagination: PaginationSpec };

function paginated(operation: OperationSpec): PagedOperationSpec {
  const { pagination } = operation;
  if (!pagination) throw new Error(`internal: operation ${operation.id} has no pagination spec`);
  return { ...operation, pagination };
}

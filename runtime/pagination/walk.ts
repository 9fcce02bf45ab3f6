/**
 * The walk: request a page, hand it out, work out the next request, until a page says it is the
 * last, a bound is reached, or the walk would go round in circles. Pages are requested one at a
 * time, each through the operation's own call (credentials, retries, timeout, abort signal and
 * concurrency cap included), and only when the consumer asks for more.
 */
import type { Log } from "../logging/log.js";
import type { OperationSpec, PaginationSpec } from "../operation.js";
import type { CallOptions } from "../options.js";
import { readArgs, type Args } from "../request/args.js";
import type { ApiResponse } from "../response/api-response.js";
import { cursorKey, nextPage, urlKey, type PageRequest } from "./next-page.js";
import { PaginationError } from "../errors/pagination-error.js";
import { readPath } from "./read.js";
import { operationForUrl, pathUnderBase } from "./url-request.js";

/**
 * How far a walk may go. Without bounds it reads every page.
 *
 * @example
 * ```
 * for await (const pet of api.listPets.paginate({ limit: 100 }, { maxItems: 250 })) console.log(pet.name);
 * ```
 */
export interface PaginateOptions extends CallOptions {
  /** Request at most this many pages. */
  readonly maxPages?: number;
  /** Stop after this many items: `paginate()` yields no more, `pages()` stops after the page that reaches it. */
  readonly maxItems?: number;
}

/** One page of a walk: the response (`data` is the whole validated body) and its items. */
export interface ApiPage<P, I> extends ApiResponse<P> {
  /** The page's items, read from `data`. */
  readonly items: readonly I[];
  /** The page's position in the walk: 0 for the first page requested. */
  readonly index: number;
}

/** What a walk needs from its client. */
export interface PagingContext {
  /** The operation's call: the same path every endpoint call takes. */
  readonly call: (operation: OperationSpec, args: unknown, options: CallOptions | undefined) => Promise<ApiResponse<unknown>>;
  /** The base URL of an operation's calls, which a next-page URL must stay under. */
  readonly baseUrlOf: (operation: OperationSpec) => string;
  readonly log: Log;
  /** The URL with credentials redacted, for messages. */
  readonly redactUrl: (url: string) => string;
  /** The operations already warned of a Link header that CORS may hide (see `warnOfHiddenLink`). */
  readonly hiddenLinkWarnings: Set<string>;
}

export async function* walkPages(
  context: PagingContext,
  operation: OperationSpec & { readonly pagination: PaginationSpec },
  rawArgs: unknown,
  options: PaginateOptions = {},
): AsyncGenerator<ApiPage<unknown, unknown>, void, undefined> {
  const { maxPages = Number.POSITIVE_INFINITY, maxItems = Number.POSITIVE_INFINITY, ...callOptions } = options;
  checkBound("maxPages", maxPages);
  checkBound("maxItems", maxItems);
  const spec = operation.pagination;
  const args = readArgs(operation, rawArgs);
  const seen = new Set<string>();
  if (spec.style === "cursor" && args[spec.cursor] !== undefined) seen.add(cursorKey(args[spec.cursor]));
  let request: PageRequest = { args };
  let largest = 0;
  let previousItems: string | undefined;
  let itemCount = 0;
  for (let index = 0; index < maxPages && itemCount < maxItems; index++) {
    callOptions.signal?.throwIfAborted();
    const { page, url } = await fetchPage(context, operation, request, args, index, callOptions);
    const items = readItems(operation.id, spec, page.data, index);
    // A server that ignores the page or offset it is sent would answer with the same page forever.
    if (spec.style === "offset" || spec.style === "page") {
      const text = JSON.stringify(items);
      if (items.length > 0 && text === previousItems) {
        context.log.warn(`${operation.id}: page ${index + 1} has the same items as the page before it; the walk stops here`);
        return;
      }
      previousItems = text;
    }
    // Not spread: `response` is a getter on the page's prototype, made on first read.
    yield Object.assign(page, { items, index });
    itemCount += items.length;
    if (items.length === 0) return;

    const pageUrl = page.response.url || url || `${context.baseUrlOf(operation).replace(/\/+$/, "")}/`;
    seen.add(urlKey(pageUrl));
    const next = nextPage(spec, { args: "args" in request ? request.args : args, page, items, largestBefore: largest, pageUrl });
    largest = Math.max(largest, items.length);
    if (!next) {
      if (spec.style === "linkHeader" && index === 0) warnOfHiddenLink(context, operation.id, page);
      return;
    }
    if (seen.has(next.key)) {
      context.log.warn(`${operation.id}: page ${index + 2} would repeat an earlier request (${describeKey(context, next.key)}); the walk stops here`);
      return;
    }
    seen.add(next.key);
    request = next.request;
  }
}

async function fetchPage(
  context: PagingContext,
  operation: OperationSpec,
  request: PageRequest,
  args: Args,
  index: number,
  options: CallOptions,
): Promise<{ page: ApiResponse<unknown>; url?: string }> {
  if ("args" in request) return { page: await context.call(operation, request.args, options) };
  const baseUrl = context.baseUrlOf(operation);
  const target = pathUnderBase(request.url, baseUrl);
  if (target === undefined) {
    throw new PaginationError({
      operation: operation.id,
      page: index,
      message: `the next page's URL ${context.redactUrl(request.url)} is not under the client's baseUrl ${context.redactUrl(baseUrl)}, so it is not followed`,
    });
  }
  return { page: await context.call(operationForUrl(operation, target), args, options), url: request.url };
}

/**
 * A browser shows a script a cross-origin response's `Link` header only when the server lists it
 * in `Access-Control-Expose-Headers`; without that, a Link-header walk would end after its first
 * page without a word. A warning, not an error: a list that fits on one page has no `Link` header
 * either (GitHub's, for one), and a script cannot tell the two apart. Once per operation and client.
 */
function warnOfHiddenLink(context: PagingContext, operation: string, page: ApiResponse<unknown>): void {
  if (page.headers.has("link") || page.response.type !== "cors" || context.hiddenLinkWarnings.has(operation)) return;
  context.hiddenLinkWarnings.add(operation);
  context.log.warn(
    `${operation}: the first page has no Link header, so the walk ends there. The response is cross-origin, and a browser shows a script its Link header only when the server sends "Access-Control-Expose-Headers: Link": if the list has more pages, the server must send it`,
  );
}

/** A page's items: a missing (or null) list is an empty page, anything else but an array an error. */
function readItems(operation: string, spec: PaginationSpec, data: unknown, index: number): readonly unknown[] {
  const items = readPath(data, spec.items);
  if (items === undefined || items === null) return [];
  if (Array.isArray(items)) return items;
  const where = spec.items.length === 0 ? "the body" : `the body's ${spec.items.join(".")}`;
  throw new PaginationError({ operation, page: index, message: `${where} is ${typeof items}, not an array of items` });
}

function checkBound(name: string, value: number): void {
  if (typeof value !== "number" || Number.isNaN(value) || value < 0) throw new RangeError(`${name} must be a number of 0 or more, not ${String(value)}`);
}

function describeKey(context: PagingContext, key: string): string {
  return key.startsWith("url ") ? `url ${context.redactUrl(key.slice(4))}` : key;
}

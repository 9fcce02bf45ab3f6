/**
 * Per style, the request for the page after this one, or `undefined` when this one was the last.
 * A `false` has-more flag ends every style; each style then has its own end conditions.
 */
import type { Args } from "../request/args.js";
import { isFieldPath, type CursorPaginationSpec, type OffsetPaginationSpec, type PagePaginationSpec, type PaginationSpec } from "../operation.js";
import type { ApiResponse } from "../response/api-response.js";
import { nextLink } from "./link-header.js";
import { asCount, asFlag, asToken, readPath, readSource } from "./read.js";

/** The next page: the operation called with other args, or a URL the API gave. */
export type PageRequest = { readonly args: Args } | { readonly url: string };

export interface PageState {
  readonly args: Args;
  readonly page: ApiResponse<unknown>;
  readonly items: readonly unknown[];
  /** The most items any earlier page of the walk had; 0 on the first page. */
  readonly largestBefore: number;
  /** The URL relative next-page URLs resolve against. */
  readonly pageUrl: string;
}

export interface Next {
  readonly request: PageRequest;
  /** What identifies the next page, for noticing a walk that would go round in circles. */
  readonly key: string;
}

export function nextPage(spec: PaginationSpec, state: PageState): Next | undefined {
  if (spec.hasMore && asFlag(readSource(state.page, spec.hasMore)) === false) return undefined;
  switch (spec.style) {
    case "offset":
      return nextOffset(spec, state);
    case "page":
      return nextPageNumber(spec, state);
    case "cursor":
      return nextCursor(spec, state);
    case "nextUrl":
      return followUrl(asToken(readSource(state.page, spec.next)), state);
    case "linkHeader":
      return followUrl(nextLink(state.page.headers.get("link")), state);
  }
}

/**
 * Without a total or a has-more flag, a page with fewer items than were asked for is the last.
 * Only when it is also smaller than an earlier page: a server that caps the page size below
 * what was asked must not end the walk after its first page.
 */
function isShortPage(state: PageState, size: number | undefined): boolean {
  return size !== undefined && state.items.length < size && state.items.length < state.largestBefore;
}

function nextOffset(spec: OffsetPaginationSpec, state: PageState): Next | undefined {
  const next = (asCount(state.args[spec.offset]) ?? 0) + state.items.length;
  const total = spec.total ? asCount(readSource(state.page, spec.total)) : undefined;
  if (total !== undefined && next >= total) return undefined;
  const size = spec.limit !== undefined ? (asCount(state.args[spec.limit]) ?? spec.defaultLimit) : spec.defaultLimit;
  if (total === undefined && spec.hasMore === undefined && isShortPage(state, size)) return undefined;
  return { request: { args: { ...state.args, [spec.offset]: next } }, key: `offset ${next}` };
}

function nextPageNumber(spec: PagePaginationSpec, state: PageState): Next | undefined {
  const current = asCount(state.args[spec.page]) ?? spec.firstPage;
  const pagesRead = current - spec.firstPage + 1;
  const totalPages = spec.totalPages ? asCount(readSource(state.page, spec.totalPages)) : undefined;
  if (totalPages !== undefined && pagesRead >= totalPages) return undefined;
  const asked = spec.size !== undefined ? (asCount(state.args[spec.size]) ?? spec.defaultSize) : spec.defaultSize;
  const total = spec.total ? asCount(readSource(state.page, spec.total)) : undefined;
  const size = asked ?? Math.max(state.largestBefore, state.items.length);
  if (total !== undefined && (pagesRead - 1) * size + state.items.length >= total) return undefined;
  if (total === undefined && totalPages === undefined && spec.hasMore === undefined && isShortPage(state, asked)) return undefined;
  return { request: { args: { ...state.args, [spec.page]: current + 1 } }, key: `page ${current + 1}` };
}

function nextCursor(spec: CursorPaginationSpec, state: PageState): Next | undefined {
  const source = spec.nextCursor;
  const value = isFieldPath(source) || "header" in source ? readSource(state.page, source) : readPath(state.items.at(-1), source.lastItem);
  const cursor = asToken(value);
  if (cursor === undefined) return undefined;
  return { request: { args: { ...state.args, [spec.cursor]: cursor } }, key: cursorKey(cursor) };
}

export function cursorKey(cursor: unknown): string {
  return `cursor ${JSON.stringify(cursor)}`;
}

/** A target that does not resolve is kept as it is, for the walk to reject with a clear error. */
function followUrl(target: string | number | undefined, state: PageState): Next | undefined {
  if (typeof target !== "string") return undefined;
  const url = resolveUrl(target, state.pageUrl) ?? target;
  return { request: { url }, key: urlKey(url) };
}

export function urlKey(url: string): string {
  return `url ${url}`;
}

/** Resolves a URL reference like a browser would; `undefined` when it is not one. */
export function resolveUrl(target: string, base: string): string | undefined {
  try {
    return new URL(target, base === "" ? undefined : base).href;
  } catch {
    return undefined;
  }
}

/**
 * A server for fixtures/pagination.yaml on 127.0.0.1: 1,037 items, served page by page in every
 * style the fixture declares, under the base path `/v1`. Faults (an error status, a body, a
 * delay) can be injected on the n-th request to a path, and toggles make it misbehave the ways
 * real servers do (a cursor that never changes, a next URL to another host, a page number it
 * ignores).
 */
import { sendJson, startServer, type RecordedRequest, type TestServer } from "../support/http-server.js";

export const ITEM_COUNT = 1_037;

export interface Item {
  readonly id: number;
  readonly name: string;
}

export const ITEMS: readonly Item[] = Array.from({ length: ITEM_COUNT }, (_, i) => ({ id: i + 1, name: `item-${i + 1}` }));

export interface Fault {
  /** The path below `/v1`, e.g. `/offset/items`. */
  readonly path: string;
  /** The first request to the path it applies to, counting from 1 (retries count). */
  readonly request: number;
  /** How many requests in a row it applies to. */
  readonly times?: number;
  /** Answer with this status and body instead of the page. */
  readonly status?: number;
  readonly body?: unknown;
  /** Wait this long before answering. */
  readonly delayMs?: number;
}

export interface Toggles {
  /** `/cursor/items` answers every page with the same next cursor. */
  repeatCursor: boolean;
  /** `/next/items` points its next page at another host. */
  escapeNext: boolean;
  /** `/start/items` ignores `start` and always answers with the first items. */
  ignoreStart: boolean;
}

export interface PaginationServer {
  /** The base URL to give the SDK: `http://127.0.0.1:<port>/v1`. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  readonly inFlight: TestServer["inFlight"];
  readonly toggles: Toggles;
  /** Requests made to a path, in order. */
  requestsTo(path: string): RecordedRequest[];
  inject(fault: Fault): void;
  /** Forgets requests, faults and toggles. */
  reset(): void;
  close(): Promise<void>;
}

type Route = (query: URLSearchParams) => { body: unknown; headers?: Record<string, string> };

function int(query: URLSearchParams, name: string, fallback: number, max = Number.POSITIVE_INFINITY): number {
  const text = query.get(name);
  const value = text === null || text === "" ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`bad ${name}: ${text}`);
  return Math.min(value, max);
}

const encodeCursor = (offset: number): string => Buffer.from(`offset:${offset}`).toString("base64url");

function decodeCursor(cursor: string | null): number {
  if (cursor === null || cursor === "") return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw new Error(`bad cursor: ${cursor}`);
  return Number(match[1]);
}

export async function startPaginationServer(): Promise<PaginationServer> {
  const toggles: Toggles = { repeatCursor: false, escapeNext: false, ignoreStart: false };
  let faults: Fault[] = [];
  let origin = "";

  const routes: Readonly<Record<string, Route>> = {
    "/offset/items": (q) => {
      const offset = int(q, "offset", 0);
      return { body: { data: ITEMS.slice(offset, offset + int(q, "limit", 100, 500)), total: ITEM_COUNT } };
    },
    "/skip/items": (q) => {
      const skip = int(q, "skip", 0);
      return { body: { results: ITEMS.slice(skip, skip + int(q, "take", 20)) }, headers: { "x-total-count": String(ITEM_COUNT) } };
    },
    "/start/items": (q) => {
      const start = toggles.ignoreStart ? 0 : int(q, "start", 0);
      return { body: { items: ITEMS.slice(start, start + int(q, "count", 50, 250)) } };
    },
    "/pages/items": (q) => {
      const page = int(q, "page", 1);
      const size = int(q, "per_page", 30, 100);
      return { body: { items: ITEMS.slice((page - 1) * size, page * size), has_more: page * size < ITEM_COUNT } };
    },
    "/numbered/items": (q) => {
      const page = int(q, "pageNumber", 0);
      const size = int(q, "pageSize", 25);
      return { body: { content: ITEMS.slice(page * size, (page + 1) * size), totalPages: Math.ceil(ITEM_COUNT / size), totalElements: ITEM_COUNT } };
    },
    "/cursor/items": (q) => {
      const offset = decodeCursor(q.get("cursor"));
      const end = offset + int(q, "limit", 100);
      const next = toggles.repeatCursor ? encodeCursor(100) : end < ITEM_COUNT ? encodeCursor(end) : null;
      return { body: { data: ITEMS.slice(offset, end), meta: { next_cursor: next } } };
    },
    "/tokens/items": (q) => {
      const offset = decodeCursor(q.get("pageToken"));
      const end = offset + int(q, "maxResults", 100);
      return { body: { items: ITEMS.slice(offset, end), ...(end < ITEM_COUNT && { nextPageToken: encodeCursor(end) }) } };
    },
    "/meta/items": (q) => {
      const offset = decodeCursor(q.get("after"));
      return { body: { data: ITEMS.slice(offset, offset + 100), meta: { next: offset + 100 < ITEM_COUNT ? encodeCursor(offset + 100) : null } } };
    },
    "/after/items": (q) => {
      const after = int(q, "starting_after", 0);
      const data = ITEMS.filter((item) => item.id > after).slice(0, int(q, "limit", 10, 100));
      return { body: { object: "list", data, has_more: (data.at(-1)?.id ?? ITEM_COUNT) < ITEM_COUNT } };
    },
    "/next/items": (q) => {
      const page = int(q, "page", 1);
      const link = (n: number) => {
        const params = new URLSearchParams({ page: String(n), ...(q.get("category") !== null && { category: q.get("category") ?? "" }) });
        return `${toggles.escapeNext ? "http://elsewhere.example" : origin}/v1/next/items?${params}`;
      };
      return {
        body: {
          count: ITEM_COUNT,
          next: page * 50 < ITEM_COUNT ? link(page + 1) : null,
          previous: page > 1 ? link(page - 1) : null,
          results: ITEMS.slice((page - 1) * 50, page * 50),
        },
      };
    },
    "/links/items": (q) => {
      const offset = int(q, "offset", 0);
      const links = { self: `items?offset=${offset}`, ...(offset + 100 < ITEM_COUNT && { next: `items?offset=${offset + 100}` }) };
      return { body: { data: ITEMS.slice(offset, offset + 100), links } };
    },
    "/link/items": (q) => {
      const page = int(q, "page", 1);
      const size = int(q, "per_page", 30, 100);
      const last = Math.ceil(ITEM_COUNT / size);
      const link = (n: number, rel: string) => `<${origin}/v1/link/items?per_page=${size}&page=${n}>; rel="${rel}"`;
      const links = [...(page < last ? [link(page + 1, "next"), link(last, "last")] : []), ...(page > 1 ? [link(1, "first"), link(page - 1, "prev")] : [])];
      return { body: ITEMS.slice((page - 1) * size, page * size), headers: links.length > 0 ? { link: links.join(", ") } : {} };
    },
    "/custom/things": (q) => {
      const from = int(q, "from_index", 0);
      const things = ITEMS.slice(from, from + int(q, "batch", 40)).map((item) => ({ id: item.id, label: item.name.toUpperCase() }));
      return { body: { payload: { things } }, headers: { "x-total": String(ITEM_COUNT) } };
    },
    "/speakeasy/items": (q) => {
      const since = int(q, "since", 0);
      return { body: { entries: ITEMS.filter((item) => item.id > since).slice(0, 100) } };
    },
    "/header-next/items": (q) => {
      const p = int(q, "p", 0);
      return { body: ITEMS.slice(p * 200, (p + 1) * 200), headers: (p + 1) * 200 < ITEM_COUNT ? { "x-next": `/v1/header-next/items?p=${p + 1}` } : {} };
    },
    "/plain/items": () => ({ body: ITEMS.slice(0, 3) }),
    "/off/items": (q) => ({ body: ITEMS.slice(int(q, "offset", 0), int(q, "offset", 0) + int(q, "limit", 10)) }),
  };

  const server = await startServer(async (request, response) => {
    const path = request.path.replace(/^\/v1/, "");
    const route = routes[path];
    if (request.method !== "GET" || !route) return sendJson(response, 404, { message: `no route ${request.method} ${request.path}` });
    const count = server.requests.filter((each) => each.path === request.path).length;
    const fault = faults.find((each) => each.path === path && count >= each.request && count < each.request + (each.times ?? 1));
    if (fault?.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (response.destroyed) return;
    if (fault?.status !== undefined) return sendJson(response, fault.status, fault.body ?? { message: `injected ${fault.status}` });
    try {
      const { body, headers } = route(request.query);
      sendJson(response, 200, body, headers);
    } catch (error) {
      sendJson(response, 400, { message: String(error) });
    }
  });
  origin = server.url;

  return {
    baseUrl: `${server.url}/v1`,
    requests: server.requests,
    inFlight: server.inFlight,
    toggles,
    requestsTo: (path) => server.requests.filter((request) => request.path === `/v1${path}`),
    inject: (fault) => {
      faults.push(fault);
    },
    reset: () => {
      server.requests.length = 0;
      server.inFlight.max = server.inFlight.current;
      faults = [];
      Object.assign(toggles, { repeatCursor: false, escapeNext: false, ignoreStart: false });
    },
    close: () => server.close(),
  };
}

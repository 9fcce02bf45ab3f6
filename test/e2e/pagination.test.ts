/**
 * The generated SDK of fixtures/pagination.yaml against a real server on 127.0.0.1 holding 1,037
 * items: every style walks them all, once each and in order, through the client's own call path
 * (retries, timeouts, abort signals, the concurrency cap), and stops where it should.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { ApiError, createClient, ResponseValidationError, SdkError, TimeoutError, type Client, type Item } from "../.out/sdk/pagination/index.js";
import { PaginationError, type ApiPage } from "../.out/sdk/pagination/runtime/index.js";
import { ITEM_COUNT, ITEMS, startPaginationServer, type PaginationServer } from "./pagination-server.js";

let server: PaginationServer;
let api: Client;

beforeAll(async () => {
  server = await startPaginationServer();
  api = client();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function client(options: Parameters<typeof createClient>[0] = {}): Client {
  return createClient({ baseUrl: server.baseUrl, logLevel: "off", retry: { baseDelay: 1, jitter: false }, ...options });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const each of iterable) all.push(each);
  return all;
}

const ALL_IDS = ITEMS.map((item) => item.id);

describe("paginate() walks every item exactly once, in order", () => {
  const styles: readonly [string, string, () => AsyncIterable<{ id: number }>, number][] = [
    ["offset + limit, stopping at the body's total", "/offset/items", () => api.listOffsetItems.paginate(), 11],
    ["offset + limit with a larger page", "/offset/items", () => api.listOffsetItems.paginate({ limit: 500 }), 3],
    ["skip + take, stopping at the X-Total-Count header", "/skip/items", () => api.listSkipItems.paginate({ take: 200 }), 6],
    ["start + count, stopping at a short page", "/start/items", () => api.listStartItems.paginate(), 21],
    ["page + per_page, stopping when has_more is false", "/pages/items", () => api.listPagedItems.paginate({ per_page: 100 }), 11],
    ["0-based pageNumber + pageSize, stopping at totalPages", "/numbered/items", () => api.listNumberedItems.paginate(), 42],
    ["a cursor fed from meta.next_cursor", "/cursor/items", () => api.listCursorItems.paginate(), 11],
    ["a pageToken fed from nextPageToken", "/tokens/items", () => api.listTokenItems.paginate(), 11],
    ["an after cursor fed from meta.next", "/meta/items", () => api.listMetaItems.paginate(), 11],
    ["starting_after fed from the last item's id while has_more", "/after/items", () => api.listAfterItems.paginate({ limit: 100 }), 11],
    ["an absolute next URL in the body", "/next/items", () => api.listNextItems.paginate(), 21],
    ["a relative next URL in links.next", "/links/items", () => api.listLinkedItems.paginate(), 11],
    ["the Link header's rel=next (GitHub style)", "/link/items", () => api.listLinkHeaderItems.paginate({ per_page: 100 }), 11],
    ["offset + limit under other names, stated by x-pagination", "/custom/things", () => api.listCustomThings.paginate(), 26],
    ["a last-item cursor stated by x-speakeasy-pagination, ending on an empty page", "/speakeasy/items", () => api.listSpeakeasyItems.paginate(), 12],
  ];

  it.each(styles)("%s", async (_, path, walk, requests) => {
    const ids = (await collect(walk())).map((item) => item.id);
    expect(ids).toHaveLength(ITEM_COUNT);
    expect(ids).toEqual(ALL_IDS);
    expect(server.requestsTo(path)).toHaveLength(requests);
  });
});

describe("pages()", () => {
  it("yields whole validated pages with their status, headers and items", async () => {
    const pages = await collect(api.listSkipItems.pages({ take: 400 }));
    expect(pages.map((page) => page.index)).toEqual([0, 1, 2]);
    expect(pages.map((page) => page.items.length)).toEqual([400, 400, 237]);
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.headers.get("x-total-count")).toBe("1037");
      expect(page.response).toBeInstanceOf(Response);
      expect(((await page.response.json()) as { results: unknown[] }).results).toHaveLength(page.items.length);
      expect(page.data.results).toEqual(page.items);
    }
  });

  it("types pages by the operation's response and items by its item schema", () => {
    expectTypeOf(api.listOffsetItems.pages).returns.toEqualTypeOf<AsyncGenerator<ApiPage<{ data: Item[]; total: number }, Item>, void, undefined>>();
    expectTypeOf(api.listCustomThings.paginate).returns.toEqualTypeOf<AsyncGenerator<{ id: number; label: string }, void, undefined>>();
  });
});

describe("requests", () => {
  it("keep the caller's arguments and set only the paging parameter", async () => {
    await collect(api.listOffsetItems.paginate({ limit: 500 }));
    expect(server.requestsTo("/offset/items").map((request) => request.rawQuery)).toEqual(["limit=500", "offset=500&limit=500", "offset=1000&limit=500"]);
  });

  it("start from the caller's own offset, page or cursor", async () => {
    expect((await collect(api.listOffsetItems.paginate({ offset: 1_000 }))).map((item) => item.id)).toEqual(ALL_IDS.slice(1_000));
    expect((await collect(api.listPagedItems.paginate({ page: 34 }))).map((item) => item.id)).toEqual(ALL_IDS.slice(990));
  });

  it("follow the server's next URL as given and still send header parameters", async () => {
    const items = await collect(api.listNextItems.paginate({ category: "tools", "X-Trace": "trace-1" }));
    expect(items).toHaveLength(ITEM_COUNT);
    const requests = server.requestsTo("/next/items");
    expect(requests.map((request) => request.rawQuery).slice(0, 3)).toEqual(["category=tools", "page=2&category=tools", "page=3&category=tools"]);
    expect(requests.every((request) => request.headers["x-trace"] === "trace-1")).toBe(true);
  });

  it("resolve a relative next URL against the page's URL", async () => {
    await collect(api.listLinkedItems.paginate());
    expect(server.requestsTo("/links/items").map((request) => request.rawQuery).slice(0, 3)).toEqual(["", "offset=100", "offset=200"]);
  });
});

describe("bounds and stops", () => {
  it("stops after maxPages pages", async () => {
    const pages = await collect(api.listCursorItems.pages({}, { maxPages: 3 }));
    expect(pages).toHaveLength(3);
    expect(server.requestsTo("/cursor/items")).toHaveLength(3);
  });

  it("stops after maxItems items, without requesting a page it does not need", async () => {
    const items = await collect(api.listOffsetItems.paginate({}, { maxItems: 250 }));
    expect(items.map((item) => item.id)).toEqual(ALL_IDS.slice(0, 250));
    expect(server.requestsTo("/offset/items")).toHaveLength(3);
    expect(await collect(api.listOffsetItems.paginate({}, { maxItems: 0 }))).toEqual([]);
  });

  it("requests nothing more once the loop breaks", async () => {
    for await (const item of api.listLinkHeaderItems.paginate()) {
      expect(item.id).toBe(1);
      break;
    }
    expect(server.requestsTo("/link/items")).toHaveLength(1);
  });

  it("does not take a server's page-size cap for the last page", async () => {
    const items = await collect(api.listStartItems.paginate({ count: 500 }));
    expect(items).toHaveLength(ITEM_COUNT);
    expect(server.requestsTo("/start/items").map((request) => request.rawQuery)).toEqual([
      "count=500",
      "start=250&count=500",
      "start=500&count=500",
      "start=750&count=500",
      "start=1000&count=500",
    ]);
  });

  it("stops on an empty page even when a cursor comes with it", async () => {
    server.inject({ path: "/cursor/items", request: 3, status: 200, body: { data: [], meta: { next_cursor: "more" } } });
    const items = await collect(api.listCursorItems.paginate());
    expect(items).toHaveLength(200);
    expect(server.requestsTo("/cursor/items")).toHaveLength(3);
  });

  it("stops, with a warning, instead of following a cursor it has already followed", async () => {
    server.toggles.repeatCursor = true;
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (line: string) => void warnings.push(line) };
    const items = await collect(client({ logger, logLevel: "warn" }).listCursorItems.paginate());
    expect(items).toHaveLength(200);
    expect(server.requestsTo("/cursor/items")).toHaveLength(2);
    expect(warnings).toEqual([expect.stringContaining("listCursorItems: page 3 would repeat an earlier request (cursor ")]);
  });

  it("stops, with a warning, when a server ignores the offset it is sent", async () => {
    server.toggles.ignoreStart = true;
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (line: string) => void warnings.push(line) };
    const items = await collect(client({ logger, logLevel: "warn" }).listStartItems.paginate());
    expect(items.map((item) => item.id)).toEqual(ALL_IDS.slice(0, 50));
    expect(warnings).toEqual([expect.stringContaining("listStartItems: page 2 has the same items as the page before it")]);
  });
});

describe("errors and the client's policies on every page", () => {
  it("surfaces a failed page as the operation's typed ApiError, after the pages before it", async () => {
    server.inject({ path: "/offset/items", request: 3, status: 400, body: { message: "offset out of range" } });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of api.listOffsetItems.paginate()) seen.push(item.id);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(ALL_IDS.slice(0, 200));
    expect(error).toBeInstanceOf(SdkError);
    expect(error).toBeInstanceOf(ApiError);
    if (!api.listOffsetItems.isError(error)) throw new Error("expected a declared listOffsetItems error");
    expect(error.status).toBe(400);
    expect(error.body.message).toBe("offset out of range");
    expect(error.url).toContain("offset=200");
  });

  it("retries a failed page with the client's retry policy and carries on where it was", async () => {
    server.inject({ path: "/cursor/items", request: 4, status: 503, times: 2 });
    const ids = (await collect(api.listCursorItems.paginate())).map((item) => item.id);
    expect(ids).toEqual(ALL_IDS);
    const queries = server.requestsTo("/cursor/items").map((request) => request.rawQuery);
    expect(queries).toHaveLength(13);
    expect(queries[3]).toBe(queries[4]);
    expect(queries[4]).toBe(queries[5]);
  });

  it("applies per-call options, such as retry, to every page", async () => {
    server.inject({ path: "/pages/items", request: 2, status: 503 });
    const error = await collect(api.listPagedItems.paginate({}, { retry: 0 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(server.requestsTo("/pages/items")).toHaveLength(2);
  });

  it("rejects a page whose body does not match the schema with ResponseValidationError", async () => {
    server.inject({ path: "/pages/items", request: 2, status: 200, body: { items: [{ id: "31" }], has_more: true } });
    const error = await collect(api.listPagedItems.paginate()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
  });

  it("applies the timeout to each page request", async () => {
    server.inject({ path: "/tokens/items", request: 2, delayMs: 500 });
    const error = await collect(client({ timeout: 100, retry: 0 }).listTokenItems.paginate()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("stops at once when the caller's signal aborts, and requests no further page", async () => {
    const controller = new AbortController();
    const reason = new Error("enough");
    const error = await (async () => {
      for await (const page of api.listOffsetItems.pages({}, { signal: controller.signal })) {
        if (page.index === 1) controller.abort(reason);
      }
    })().catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(server.requestsTo("/offset/items")).toHaveLength(2);
  });

  it("sends every page request through the client's concurrency cap", async () => {
    const capped = client({ maxConcurrency: 1 });
    const [a, b] = await Promise.all([collect(capped.listOffsetItems.paginate()), collect(capped.listPagedItems.paginate())]);
    expect(a).toHaveLength(ITEM_COUNT);
    expect(b).toHaveLength(ITEM_COUNT);
    expect(server.inFlight.max).toBe(1);
  });

  it("refuses a next URL outside the client's baseUrl with a PaginationError", async () => {
    server.toggles.escapeNext = true;
    const error = await collect(api.listNextItems.paginate()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toBeInstanceOf(SdkError);
    expect(String(error)).toContain("http://elsewhere.example/v1/next/items?page=2");
    expect(server.requestsTo("/next/items")).toHaveLength(1);
  });
});

describe("operations that are not paginated", () => {
  it("have no paginator: a plain list, and one x-pagination turns off", async () => {
    expect(await api.listPlainItems()).toHaveLength(3);
    expect("paginate" in api.listPlainItems).toBe(false);
    expect("pages" in api.listUnpaginatedItems).toBe(false);
    // @ts-expect-error a list without pages has no paginate()
    expect(api.listPlainItems.paginate).toBeUndefined();
  });
});

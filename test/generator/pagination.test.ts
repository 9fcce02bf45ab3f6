/**
 * Which operations the generator paginates, how, and why: given a list operation (its query
 * parameters, response body and headers), want the style, the parameters and fields the walk
 * uses, and the reason `--explain-pagination` prints. Then the explicit statements that win over
 * names: `x-pagination`, `x-speakeasy-pagination` and the generator's `pagination` option.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GenError, generate, type GenerateOptions, type GenerateResult } from "../../generator/index.js";
import { analyze } from "../../generator/analyze/index.js";
import { convert } from "../../generator/convert/index.js";
import type { Pagination } from "../../generator/model/model.js";
import { paginationOf } from "../../generator/analyze/pagination/decide.js";
import { parseSource } from "../../generator/analyze/pagination/config.js";
import { loadSpec } from "../../generator/load/index.js";
import { fixturePath, outRoot, repoRoot } from "../support/sdk.js";

type Json = Readonly<Record<string, unknown>>;

const specDir = path.join(outRoot, "pagination-specs");
beforeAll(() => mkdir(specDir, { recursive: true }));

const item = { type: "object", required: ["id"], properties: { id: { type: "integer" }, name: { type: "string" } } };
const list = { type: "array", items: { $ref: "#/components/schemas/Item" } };
const query = (name: string, schema: Json = { type: "integer" }): Json => ({ name, in: "query", schema });
const object = (properties: Json): Json => ({ type: "object", properties });

interface ListOperation {
  readonly method?: string;
  readonly params?: readonly Json[];
  readonly body: Json;
  readonly headers?: Json;
  readonly extensions?: Json;
}

/** A one-operation spec (GET /things, operationId listThings), written where `generate` can read it. */
async function generateList(name: string, operation: ListOperation, options: Omit<GenerateOptions, "spec"> = {}): Promise<Generated> {
  const document = {
    openapi: "3.1.0",
    info: { title: name, version: "1" },
    paths: {
      "/things": {
        [operation.method ?? "get"]: {
          operationId: "listThings",
          parameters: operation.params ?? [],
          ...operation.extensions,
          responses: {
            "200": {
              description: "ok",
              ...(operation.headers && { headers: operation.headers }),
              content: { "application/json": { schema: operation.body } },
            },
          },
        },
      },
    },
    components: { schemas: { Item: item } },
  };
  const file = path.relative(repoRoot, path.join(specDir, `${name}.json`));
  await writeFile(file, JSON.stringify(document, null, 2));
  const result = await generate({ spec: file, ...options });
  const model = analyze(convert(await loadSpec(file)), options);
  const pagination = model.operations[0] && paginationOf(model.operations[0]);
  return { result, spec: pagination && runtimeSpec(pagination) };
}

interface Generated {
  readonly result: GenerateResult;
  /** The decision as the runtime gets it: what `operations.ts` emits under `pagination`. */
  readonly spec: Json | undefined;
}

function runtimeSpec(pagination: Pagination): Json {
  const { itemSchema: _schema, origin: _origin, reason: _reason, ...spec } = pagination;
  return spec;
}

const cases: readonly (readonly [name: string, operation: ListOperation, spec: Json | undefined, reason: RegExp])[] = [
  [
    "offset + limit with a total",
    { params: [query("offset"), query("limit", { type: "integer", default: 25 })], body: object({ data: list, total: { type: "integer" } }) },
    { style: "offset", items: ["data"], offset: "offset", limit: "limit", defaultLimit: 25, total: ["total"] },
    /query parameters offset and limit select a slice by item index; items: data; stops on an empty page or when total items are read/,
  ],
  [
    "OData's $skip + $top beside @odata.nextLink follows the link",
    { params: [query("$skip"), query("$top")], body: object({ value: list, "@odata.nextLink": { type: "string" } }) },
    { style: "nextUrl", items: ["value"], next: ["@odata.nextLink"] },
    /the response field @odata.nextLink holds the next page's URL/,
  ],
  [
    "skip + take with X-Total-Count",
    { params: [query("skip"), query("take")], body: list, headers: { "X-Total-Count": { schema: { type: "integer" } } } },
    { style: "offset", items: [], offset: "skip", limit: "take", total: { header: "X-Total-Count" } },
    /items: the body array; stops on an empty page or when X-Total-Count items are read/,
  ],
  [
    "start + count",
    { params: [query("start"), query("count")], body: object({ items: list }) },
    { style: "offset", items: ["items"], offset: "start", limit: "count" },
    /stops on an empty page or when a page is shorter than the ones before/,
  ],
  [
    "a date-time `from` beside limit is no offset",
    { params: [query("from", { type: "string", format: "date-time" }), query("limit")], body: list },
    undefined,
    /returns a list \(the body array\) but has no offset, page or cursor parameter/,
  ],
  [
    "page + pageSize numbered from 0, with totalPages",
    { params: [query("page", { type: "integer", minimum: 0 }), query("pageSize")], body: object({ content: list, totalPages: { type: "integer" } }) },
    { style: "page", items: ["content"], page: "page", size: "pageSize", firstPage: 0, totalPages: ["totalPages"] },
    /query parameter page numbers the pages from 0, pageSize sizes them/,
  ],
  [
    "JSON:API's page[number] + page[size] with meta.total",
    { params: [query("page[number]"), query("page[size]")], body: object({ data: list, meta: object({ total: { type: "integer" } }) }) },
    { style: "page", items: ["data"], page: "page[number]", size: "page[size]", firstPage: 1, total: ["meta", "total"] },
    /page\[number\] numbers the pages from 1, page\[size\] sizes them/,
  ],
  [
    "a cursor fed from next_cursor",
    { params: [query("cursor", { type: "string" })], body: object({ data: list, next_cursor: { type: ["string", "null"] } }) },
    { style: "cursor", items: ["data"], cursor: "cursor", nextCursor: ["next_cursor"] },
    /query parameter cursor is fed from the response field next_cursor/,
  ],
  [
    "Slack's cursor fed from response_metadata.next_cursor",
    { params: [query("cursor", { type: "string" }), query("limit")], body: object({ ok: { type: "boolean" }, members: list, response_metadata: object({ next_cursor: { type: "string" } }) }) },
    { style: "cursor", items: ["members"], cursor: "cursor", nextCursor: ["response_metadata", "next_cursor"] },
    /fed from the response field response_metadata.next_cursor; items: members/,
  ],
  [
    "a page token fed from a header",
    { params: [query("page_token", { type: "string" })], body: list, headers: { "X-Next-Page-Token": { schema: { type: "string" } } } },
    { style: "cursor", items: [], cursor: "page_token", nextCursor: { header: "X-Next-Page-Token" } },
    /fed from the X-Next-Page-Token response header/,
  ],
  [
    "Stripe's starting_after fed from the last item's id, with has_more",
    { params: [query("starting_after", { type: "string" }), query("limit")], body: object({ data: list, has_more: { type: "boolean" }, url: { type: "string" } }) },
    { style: "cursor", items: ["data"], cursor: "starting_after", nextCursor: { lastItem: ["id"] }, hasMore: ["has_more"] },
    /fed from the last item's id; items: data; stops on an empty page or when has_more is false or no cursor comes back/,
  ],
  [
    "Django REST framework's next URL wins over its page parameter",
    { params: [query("page")], body: object({ count: { type: "integer" }, next: { type: ["string", "null"], format: "uri" }, results: list }) },
    { style: "nextUrl", items: ["results"], next: ["next"] },
    /the response field next holds the next page's URL; items: results/,
  ],
  [
    "HAL's _links.next.href and _embedded items",
    { body: object({ _embedded: object({ things: list }), _links: object({ next: object({ href: { type: "string" } }) }) }) },
    { style: "nextUrl", items: ["_embedded", "things"], next: ["_links", "next", "href"] },
    /_links.next.href holds the next page's URL; items: _embedded.things/,
  ],
  [
    "GitHub's Link header wins over page + per_page",
    { params: [query("per_page"), query("page")], body: list, headers: { Link: { schema: { type: "string" } } } },
    { style: "linkHeader", items: [] },
    /the 200 response declares a Link header: pages follow its rel="next" URL \(RFC 8288\)/,
  ],
  [
    "a list with only a limit",
    { params: [query("limit")], body: list },
    undefined,
    /returns a list \(the body array\) but has no offset, page or cursor parameter, no next-page field and no Link header/,
  ],
];

describe("heuristics", () => {
  it.each(cases)("%s", async (name, operation, spec, reason) => {
    const { result, spec: decided } = await generateList(name.replace(/\W+/g, "-"), operation);
    expect(decided).toEqual(spec);
    expect(result.pagination).toEqual([{ operation: "listThings", method: "GET", path: "/things", style: spec ? spec.style : "none", origin: "heuristics", reason: expect.stringMatching(reason) }]);
    expect(result.warnings).toEqual([]);
  });

  it("leaves operations other than GET alone", async () => {
    const { result, spec } = await generateList("post", { method: "post", params: [query("offset"), query("limit")], body: object({ data: list }) });
    expect(result.pagination).toEqual([]);
    expect(spec).toBeUndefined();
  });

  it("leaves a single resource with an array property alone", async () => {
    const { result } = await generateList("single", { body: object({ name: { type: "string" }, tags: { type: "array", items: { type: "string" } } }) });
    expect(result.pagination).toEqual([]);
  });
});

describe("x-pagination", () => {
  it("states what names cannot tell, and wins over the heuristics", async () => {
    const { result, spec } = await generateList("x-pagination", {
      params: [query("page"), query("offset_token", { type: "string" })],
      body: object({ rows: list, paging: object({ following: { type: "string" } }) }),
      extensions: { "x-pagination": { style: "cursor", cursorParam: "offset_token", nextCursor: "$response.body#/paging/following", items: "rows" } },
    });
    expect(spec).toEqual({ style: "cursor", items: ["rows"], cursor: "offset_token", nextCursor: ["paging", "following"] });
    expect(result.pagination[0]).toMatchObject({ style: "cursor", origin: "x-pagination", reason: expect.stringMatching(/^x-pagination states style cursor: parameter offset_token is fed from the response field paging.following/) });
  });

  it("fills in what it leaves out the way the heuristics would", async () => {
    const { spec } = await generateList("x-pagination-partial", {
      method: "post",
      params: [query("offset"), query("limit")],
      body: object({ data: list, total: { type: "integer" } }),
      extensions: { "x-pagination": { style: "offset" } },
    });
    expect(spec).toEqual({ style: "offset", items: ["data"], offset: "offset", limit: "limit", total: ["total"] });
  });

  it("warns, and paginates nothing, when what it names does not exist", async () => {
    const { result, spec } = await generateList("x-pagination-missing", {
      params: [query("offset"), query("limit")],
      body: list,
      extensions: { "x-pagination": { style: "offset", offsetParam: "skip" } },
    });
    expect(spec).toBeUndefined();
    expect(result.warnings).toEqual([{ code: "ignored", message: 'x-pagination is ignored: the operation has no parameter "skip"', pointer: "#/paths/~1things/get/x-pagination" }]);
    expect(result.pagination[0]).toMatchObject({ style: "none", origin: "x-pagination" });
  });

  it("warns about a malformed value and falls back to the heuristics", async () => {
    const { result } = await generateList("x-pagination-malformed", {
      params: [query("offset"), query("limit")],
      body: list,
      extensions: { "x-pagination": { style: "sideways" } },
    });
    expect(result.warnings).toEqual([{ code: "ignored", message: "x-pagination is ignored: style must be one of offset, page, cursor, nextUrl, linkHeader", pointer: "#/paths/~1things/get/x-pagination" }]);
    expect(result.pagination[0]).toMatchObject({ style: "offset", origin: "heuristics" });
  });

  it("rejects a key it does not know rather than ignore a typo", async () => {
    const { result } = await generateList("x-pagination-typo", {
      params: [query("offset"), query("limit")],
      body: list,
      extensions: { "x-pagination": { style: "offset", ofsetParam: "offset" } },
    });
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^x-pagination is ignored: unknown key "ofsetParam"; the keys are style, firstPage, items, offsetParam/)]);
  });

  it("turns pagination off with false", async () => {
    const { result, spec } = await generateList("x-pagination-off", { params: [query("offset"), query("limit")], body: list, extensions: { "x-pagination": false } });
    expect(spec).toBeUndefined();
    expect(result.pagination).toEqual([{ operation: "listThings", method: "GET", path: "/things", style: "none", origin: "x-pagination", reason: "turned off by x-pagination" }]);
  });
});

describe("x-speakeasy-pagination", () => {
  const speakeasy = (value: Json) => ({ "x-speakeasy-pagination": value });
  it.each([
    [
      "offsetLimit with an offset input",
      speakeasy({ type: "offsetLimit", inputs: [{ name: "o", in: "parameters", type: "offset" }, { name: "n", in: "parameters", type: "limit" }], outputs: { results: "$.data.rows" } }),
      { style: "offset", items: ["data", "rows"], offset: "o", limit: "n" },
    ],
    [
      "offsetLimit with a page input and numPages",
      speakeasy({ type: "offsetLimit", inputs: [{ name: "p", in: "parameters", type: "page" }], outputs: { results: "$.data.rows", numPages: "$.data.pages" } }),
      { style: "page", items: ["data", "rows"], page: "p", firstPage: 1, totalPages: ["data", "pages"] },
    ],
    [
      "cursor from an output",
      speakeasy({ type: "cursor", inputs: [{ name: "c", in: "parameters", type: "cursor" }], outputs: { results: "$.data.rows", nextCursor: "$.data.next" } }),
      { style: "cursor", items: ["data", "rows"], cursor: "c", nextCursor: ["data", "next"] },
    ],
    [
      "cursor from the last result",
      speakeasy({ type: "cursor", inputs: [{ name: "c", in: "parameters", type: "cursor" }], outputs: { nextCursor: "$.data.rows[-1].id" } }),
      { style: "cursor", items: ["data", "rows"], cursor: "c", nextCursor: { lastItem: ["id"] } },
    ],
    ["url", speakeasy({ type: "url", outputs: { results: "$.data.rows", nextUrl: "$.data.next" } }), { style: "nextUrl", items: ["data", "rows"], next: ["data", "next"] }],
  ])("%s", async (name, extensions, spec) => {
    const params = [query("o"), query("n"), query("p"), query("c", { type: "string" })];
    const body = object({ data: object({ rows: list, next: { type: "string" }, pages: { type: "integer" } }) });
    const { result, spec: decided } = await generateList(`speakeasy-${name.replace(/\W+/g, "-")}`, { params, body, extensions });
    expect(decided).toEqual(spec);
    expect(result.pagination[0]?.origin).toBe("x-speakeasy-pagination");
    expect(result.warnings).toEqual([]);
  });

  it("warns about inputs in the request body, which are not supported", async () => {
    const extensions = speakeasy({ type: "cursor", inputs: [{ name: "c", in: "requestBody", type: "cursor" }], outputs: { nextCursor: "$.next" } });
    const { result } = await generateList("speakeasy-body", { body: list, extensions });
    expect(result.warnings.map((w) => w.message)).toEqual(["x-speakeasy-pagination is ignored: input c is in the request body, which gen-client does not paginate yet"]);
  });
});

describe("the generator's pagination option", () => {
  const fixture = path.relative(repoRoot, fixturePath("pagination.yaml"));

  it("states pagination for an operation the spec leaves unpaginated, and turns it off for another", async () => {
    const result = await generate({
      spec: fixture,
      pagination: { listHeaderNextItems: { style: "nextUrl", next: "$response.header.X-Next" }, listOffsetItems: false },
    });
    const explained = new Map(result.pagination.map((entry) => [entry.operation, entry]));
    expect(explained.get("listHeaderNextItems")).toMatchObject({ style: "nextUrl", origin: "options", reason: expect.stringContaining("the X-Next response header holds the next page's URL") });
    expect(explained.get("listOffsetItems")).toMatchObject({ style: "none", origin: "options", reason: "turned off by the generator's pagination option" });
    const client = result.files.find((file) => file.path === "client.ts")?.contents ?? "";
    expect(client).toContain("listHeaderNextItems: runtime.optionalPaginatedEndpoint(");
    expect(client).toContain("listOffsetItems: runtime.optionalEndpoint(op.listOffsetItems)");
  });

  it("accepts operationIds as keys, and wins over x-pagination", async () => {
    const result = await generate({ spec: fixture, pagination: { listCustomThings: false } });
    expect(result.pagination.find((entry) => entry.operation === "listCustomThings")).toMatchObject({ style: "none", origin: "options" });
  });

  it("warns about a key that names no operation", async () => {
    const result = await generate({ spec: fixture, pagination: { listNothing: false } });
    expect(result.warnings).toContainEqual({ code: "ignored", message: 'the pagination option names "listNothing", which is no operation of this API', pointer: "#/paths" });
  });

  it("rejects a malformed entry", async () => {
    const error = await generate({ spec: fixture, pagination: { listOffsetItems: { style: "sideways" } as never } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenError);
    expect(error).toMatchObject({ code: "invalid-options" });
  });
});

describe("the pagination fixture", () => {
  it("explains every list operation, paginated or not", async () => {
    const result = await generate({ spec: path.relative(repoRoot, fixturePath("pagination.yaml")) });
    expect(result.pagination.map((entry) => `${entry.operation}: ${entry.style} (${entry.origin})`)).toEqual([
      "listOffsetItems: offset (heuristics)",
      "listSkipItems: offset (heuristics)",
      "listStartItems: offset (heuristics)",
      "listPagedItems: page (heuristics)",
      "listNumberedItems: page (heuristics)",
      "listCursorItems: cursor (heuristics)",
      "listTokenItems: cursor (heuristics)",
      "listMetaItems: cursor (heuristics)",
      "listAfterItems: cursor (heuristics)",
      "listNextItems: nextUrl (heuristics)",
      "listLinkedItems: nextUrl (heuristics)",
      "listLinkHeaderItems: linkHeader (heuristics)",
      "listCustomThings: offset (x-pagination)",
      "listSpeakeasyItems: cursor (x-speakeasy-pagination)",
      "listHeaderNextItems: none (heuristics)",
      "listPlainItems: none (heuristics)",
      "listUnpaginatedItems: none (x-pagination)",
    ]);
    expect(result.warnings).toEqual([]);
  });
});

describe("paths in explicit statements", () => {
  it.each([
    ["data", ["data"]],
    ["meta.next", ["meta", "next"]],
    ["$.meta.next", ["meta", "next"]],
    ["$['odd.key'].next", ["odd.key", "next"]],
    ["$response.body#/a~1b/c~0d", ["a/b", "c~d"]],
    ["$response.body#", []],
    ["$", []],
    ["", []],
    ["$response.header.X-Next-Cursor", { header: "X-Next-Cursor" }],
  ])("%s", (text, want) => {
    expect(parseSource(text)).toEqual(want);
  });
});

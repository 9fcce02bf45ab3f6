/**
 * OpenAPI 3.2's `additionalOperations` and `in: querystring` through the SDK generated from
 * fixtures/openapi32.yaml, against a real server on 127.0.0.1 that asserts the exact method and
 * raw query string it receives.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createClient, RequestValidationError } from "../.out/sdk/feeds32/index.js";
import { createMockApi } from "../.out/sdk/feeds32/testing.js";
import { closeServers, sendJson, startServer, type Handler, type TestServer } from "../support/http-server.js";

afterEach(closeServers);

const change = { seq: 7, kind: "created" } as const;

function client(server: TestServer) {
  return createClient({ baseUrl: server.url, logLevel: "off", retry: 0 });
}

async function serve(handler: Handler): Promise<TestServer> {
  return startServer(handler);
}

describe("additionalOperations", () => {
  it("sends a custom method exactly as the spec spells it, with its path and header parameters", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(204).end();
    });
    const result = await client(server).purgeChange({ seq: 7, "Surrogate-Key": "feed-7" });
    expect(result).toBeUndefined();
    expect(server.requests.map((request) => [request.method, request.target])).toEqual([["PURGE", "/changes/7"]]);
    expect(server.requests[0]?.headers["surrogate-key"]).toBe("feed-7");
  });

  it("sends a custom method's JSON body and reads its typed response", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, change));
    const linked = await client(server).linkChange({ seq: 7, body: { target: 9 } });
    expect(linked.seq).toBe(7);
    expect(server.requests.map((request) => [request.method, request.target, request.body.toString()])).toEqual([["LINK", "/changes/7", '{"target":9}']]);
  });

  it("validates a custom method's arguments like any other operation's, sending nothing", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(204).end();
    });
    const api = createClient({ baseUrl: server.url, logLevel: "off", validateRequests: true });
    const error = await api.purgeChange({ seq: 7, "Surrogate-Key": "" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).method).toBe("PURGE");
    expect(server.requests).toHaveLength(0);
  });

  it("is answered by the testing kit, which routes by the exact method", async () => {
    const mock = createMockApi();
    const api = createClient({ baseUrl: "http://feeds.test", fetch: mock.fetch, logLevel: "off" });
    mock.linkChange.returns(change);
    mock.getChange.returns({ seq: 1, kind: "deleted" });
    expect(await api.linkChange({ seq: 3, body: { target: 4 } })).toEqual(change);
    expect(await api.getChange({ seq: 3 })).toEqual({ seq: 1, kind: "deleted" });
    expect(mock.linkChange.calls).toEqual([{ seq: 3, body: { target: 4 } }]);
  });
});

describe("a cookie parameter of style cookie", () => {
  it("is sent without percent-encoding, except what a cookie value cannot hold", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, change));
    const api = createClient({ baseUrl: server.url, logLevel: "off", auth: { device: "t0k" } });
    await api.getChange({ seq: 7, session: "a/b=c:d" });
    await api.getChange({ seq: 7, session: "a b;evil=1" });
    expect(server.requests.map((request) => request.headers.cookie)).toEqual(["session=a/b=c:d", "session=a%20b%3Bevil=1"]);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer t0k");
  });
});

describe("in: querystring", () => {
  it("sends a form-urlencoded object as the whole query string", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, [change]));
    const found = await client(server).filterChanges({ filter: { kind: "created", since: 5, tags: ["a", "b c&d"] } });
    expect(found).toEqual([change]);
    expect(server.requests.map((request) => [request.method, request.path, request.rawQuery])).toEqual([["GET", "/filter", "kind=created&since=5&tags=a&tags=b+c%26d"]]);
  });

  it("sends a JSON value as the whole query string, percent-encoded", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, []));
    await client(server).selectChanges({ selector: { seq: [1, 2], text: "a&b=c" } });
    expect(server.requests[0]?.rawQuery).toBe("%7B%22seq%22%3A%5B1%2C2%5D%2C%22text%22%3A%22a%26b%3Dc%22%7D");
    expect(JSON.parse(decodeURIComponent(server.requests[0]?.rawQuery ?? ""))).toEqual({ seq: [1, 2], text: "a&b=c" });
  });

  it("sends no query at all when the optional querystring argument is left out", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, []));
    await client(server).selectChanges();
    expect(server.requests[0]?.target).toBe("/select");
  });

  it("validates the querystring argument against its schema before sending", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, []));
    const api = createClient({ baseUrl: server.url, logLevel: "off", validateRequests: true });
    // @ts-expect-error: "moved" is no kind of change
    const error = await api.filterChanges({ filter: { kind: "moved" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(String(error)).toContain("filter.kind");
    expect(server.requests).toHaveLength(0);
  });

  it("is read back by the testing kit into the argument the caller passed", async () => {
    const mock = createMockApi();
    const api = createClient({ baseUrl: "http://feeds.test", fetch: mock.fetch, logLevel: "off" });
    mock.filterChanges.returns([change]);
    mock.selectChanges.returns([]);
    await api.filterChanges({ filter: { kind: "deleted", since: 3, tags: ["x", "y z"] } });
    await api.selectChanges({ selector: { seq: [4], text: "q&a" } });
    expect(mock.filterChanges.calls).toEqual([{ filter: { kind: "deleted", since: 3, tags: ["x", "y z"] } }]);
    expect(mock.selectChanges.calls).toEqual([{ selector: { seq: [4], text: "q&a" } }]);
  });
});

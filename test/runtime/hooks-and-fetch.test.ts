import { afterEach, describe, expect, it } from "vitest";
import { ApiError, type FetchFunction } from "../../runtime/index.js";
import { closeServers, sendJson, startServer } from "../support/http-server.js";
import { operation, runtimeFor } from "../support/runtime-fixtures.js";

afterEach(closeServers);

describe("ky hooks", () => {
  it("passes beforeRequest, beforeRetry and afterResponse hooks through to every call", async () => {
    let seen = 0;
    const server = await startServer((_q, response) => (++seen === 1 ? sendJson(response, 503, {}) : sendJson(response, 200, { ok: true })));
    const events: string[] = [];
    const endpoint = runtimeFor(server.url, {
      hooks: {
        beforeRequest: [({ request }) => void request.headers.set("x-hooked", "yes")],
        beforeRetry: [({ retryCount }) => void events.push(`retry ${retryCount}`)],
        afterResponse: [({ response }) => void events.push(`response ${response.status}`)],
      },
    }).endpoint<object, unknown>(operation({ path: "/h" }));
    await expect(endpoint({})).resolves.toEqual({ ok: true });
    expect(events).toEqual(["response 503", "retry 1", "response 200"]);
    expect(server.requests.map((request) => request.headers["x-hooked"])).toEqual(["yes", "yes"]);
  });

  it("lets an afterResponse hook read the body the call then returns", async () => {
    const server = await startServer((_q, response) => sendJson(response, 200, { id: 7 }));
    const seen: unknown[] = [];
    const endpoint = runtimeFor(server.url, { hooks: { afterResponse: [async ({ response }) => void seen.push(await response.json())] } }).endpoint<object, unknown>(
      operation({ path: "/h" }),
    );
    await expect(endpoint({})).resolves.toEqual({ id: 7 });
    expect(seen).toEqual([{ id: 7 }]);
  });

  it("reads a response an afterResponse hook substitutes", async () => {
    const server = await startServer((_q, response) => sendJson(response, 200, { from: "server" }));
    const endpoint = runtimeFor(server.url, {
      hooks: { afterResponse: [() => new Response('{"from":"hook"}', { status: 200, headers: { "content-type": "application/json" } })] },
    }).endpoint<object, unknown>(operation({ path: "/h" }));
    await expect(endpoint({})).resolves.toEqual({ from: "hook" });
  });

  it("turns an error response a hook substitutes into an ApiError with its body", async () => {
    const server = await startServer((_q, response) => sendJson(response, 200, {}));
    const endpoint = runtimeFor(server.url, {
      hooks: { afterResponse: [() => new Response('{"message":"made up"}', { status: 409, headers: { "content-type": "application/json" } })] },
    }).endpoint<object, unknown>(operation({ path: "/h", responses: { "200": { kind: "json" }, "409": { kind: "json" } } }));
    const error: unknown = await endpoint({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toEqual({ message: "made up" });
  });
});

describe("custom fetch", () => {
  it("sends every attempt through the client's fetch", async () => {
    const server = await startServer((_q, response) => sendJson(response, 200, { ok: true }));
    const urls: string[] = [];
    const fetch: FetchFunction = (request, init) => {
      urls.push(request.url);
      return globalThis.fetch(request, init);
    };
    await runtimeFor(server.url, { fetch }).endpoint<object, unknown>(operation({ path: "/f" }))({});
    expect(urls).toEqual([`${server.url}/f`]);
  });

  it("works without any server when the fetch answers itself", async () => {
    const fetch: FetchFunction = async () => new Response('{"mocked":true}', { headers: { "content-type": "application/json" } });
    await expect(runtimeFor("https://api.invalid", { fetch }).endpoint<object, unknown>(operation({ path: "/m" }))({})).resolves.toEqual({ mocked: true });
  });
});

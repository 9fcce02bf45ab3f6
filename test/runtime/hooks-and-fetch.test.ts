import ky from "ky";
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

  it("tells every hook the call's retry count, and runs beforeError once, on the error the call ends with", async () => {
    const server = await startServer((_q, response) => sendJson(response, 503, { attempt: "failed" }));
    const events: string[] = [];
    const endpoint = runtimeFor(server.url, {
      retry: { limit: 2, baseDelay: 1 },
      hooks: {
        beforeRetry: [({ retryCount, error }) => void events.push(`retry ${retryCount} after ${error.name}`)],
        afterResponse: [({ response, retryCount }) => void events.push(`response ${response.status} (${retryCount})`)],
        beforeError: [({ error, retryCount }) => (events.push(`error ${error.name} (${retryCount})`), error)],
      },
    }).endpoint<object, unknown>(operation({ path: "/h" }));
    const error: unknown = await endpoint({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toEqual({ attempt: "failed" });
    expect(events).toEqual([
      "response 503 (0)",
      "retry 1 after HTTPError",
      "response 503 (1)",
      "retry 2 after HTTPError",
      "response 503 (2)",
      "error HTTPError (2)",
    ]);
  });

  it("sends what a beforeRetry hook sets on the request", async () => {
    let seen = 0;
    const server = await startServer((_q, response) => (++seen === 1 ? sendJson(response, 401, {}) : sendJson(response, 200, { ok: true })));
    const endpoint = runtimeFor(server.url, {
      retry: { statusCodes: [401], baseDelay: 1 },
      hooks: { beforeRetry: [({ request }) => void request.headers.set("authorization", "Bearer fresh")] },
    }).endpoint<object, unknown>(operation({ path: "/h" }));
    await expect(endpoint({})).resolves.toEqual({ ok: true });
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([undefined, "Bearer fresh"]);
  });

  it("ends the call with the last failure when a beforeRetry hook returns ky.stop", async () => {
    const server = await startServer((_q, response) => sendJson(response, 503, { busy: true }));
    const endpoint = runtimeFor(server.url, { retry: { baseDelay: 1 }, hooks: { beforeRetry: [() => ky.stop] } }).endpoint<object, unknown>(operation({ path: "/h" }));
    const error: unknown = await endpoint({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect((error as ApiError).body).toEqual({ busy: true });
    expect(server.requests).toHaveLength(1);
  });

  it("retries when an afterResponse hook returns ky.retry(), with the hook's delay and request", async () => {
    let seen = 0;
    const server = await startServer((_q, response) => sendJson(response, 200, { ready: ++seen > 2 }));
    const endpoint = runtimeFor(server.url, {
      retry: { limit: 3 },
      hooks: {
        afterResponse: [
          async ({ request, response, retryCount }) => {
            const { ready } = (await response.json()) as { ready: boolean };
            if (ready) return undefined;
            return retryCount === 0 ? ky.retry({ delay: 1 }) : ky.retry({ delay: 1, request: new Request(`${request.url}?again=1`) });
          },
        ],
      },
    }).endpoint<object, unknown>(operation({ path: "/h" }));
    await expect(endpoint({})).resolves.toEqual({ ready: true });
    expect(server.requests.map((request) => request.target)).toEqual(["/h", "/h", "/h?again=1"]);
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

import { afterEach, describe, expect, it } from "vitest";
import { ApiError, ConnectionError, type ClientOptions, type HttpMethod, type OperationSpec } from "../../runtime/index.js";
import { closeServers, sendJson, startServer, type Handler } from "../support/http-server.js";
import { operation, runtimeFor } from "../support/runtime-fixtures.js";

afterEach(closeServers);

/** Answers with `first` for the first `failures` requests, then 200 `{ ok: true }`. */
function failingThenOk(failures: number, first: Handler): Handler {
  let seen = 0;
  return (request, response, raw) => (++seen <= failures ? first(request, response, raw) : sendJson(response, 200, { ok: true }));
}

async function timedCall(handler: Handler, op: Partial<OperationSpec> = {}, options: ClientOptions = {}) {
  const server = await startServer(handler);
  const endpoint = runtimeFor(server.url, options).endpoint<object, unknown>(operation({ path: "/r", ...op }));
  const started = performance.now();
  const outcome = await endpoint({}).then(
    (data) => ({ data, error: undefined }),
    (error: unknown) => ({ data: undefined, error }),
  );
  return { ...outcome, elapsed: performance.now() - started, requests: server.requests };
}

describe("retries", () => {
  it("retries a GET after 503, honouring Retry-After in seconds", async () => {
    const result = await timedCall(failingThenOk(1, (_q, response) => sendJson(response, 503, {}, { "retry-after": "1" })));
    expect(result.data).toEqual({ ok: true });
    expect(result.requests).toHaveLength(2);
    expect(result.elapsed).toBeGreaterThanOrEqual(950);
  });

  it("honours a Retry-After HTTP date on 429", async () => {
    const result = await timedCall(
      failingThenOk(1, (_q, response) => sendJson(response, 429, {}, { "retry-after": new Date(Date.now() + 1_500).toUTCString() })),
    );
    expect(result.data).toEqual({ ok: true });
    // The date has one-second precision: the wait is between 0.5 and 1.5 s.
    expect(result.elapsed).toBeGreaterThanOrEqual(450);
  });

  it("honours retry-after-ms, which ky ignores, on a 500", async () => {
    const result = await timedCall(failingThenOk(1, (_q, response) => sendJson(response, 500, {}, { "retry-after-ms": "300" })));
    expect(result.data).toEqual({ ok: true });
    expect(result.elapsed).toBeGreaterThanOrEqual(290);
  });

  it("caps a server-requested wait at maxRetryAfter", async () => {
    const result = await timedCall(failingThenOk(1, (_q, response) => sendJson(response, 503, {}, { "retry-after": "30" })), {}, {
      retry: { maxRetryAfter: 50 },
    });
    expect(result.data).toEqual({ ok: true });
    expect(result.elapsed).toBeLessThan(2_000);
  });

  it("gives up after the retry limit with the last ApiError", async () => {
    const result = await timedCall((_q, response) => sendJson(response, 502, { attempt: "x" }), {}, { retry: { limit: 3, baseDelay: 1 } });
    expect(result.error).toBeInstanceOf(ApiError);
    expect((result.error as ApiError).status).toBe(502);
    expect(result.requests).toHaveLength(4);
  });

  it("does not retry statuses outside statusCodes", async () => {
    const result = await timedCall((_q, response) => sendJson(response, 400, {}));
    expect((result.error as ApiError).status).toBe(400);
    expect(result.requests).toHaveLength(1);
  });

  it("retries a connection reset in the middle of a JSON body", async () => {
    const result = await timedCall(
      failingThenOk(1, (_q, response) => {
        response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        response.write('{"ok": tr');
        setTimeout(() => response.socket?.destroy(), 20);
      }),
    );
    expect(result.data).toEqual({ ok: true });
    expect(result.requests).toHaveLength(2);
  });

  it("reports a ConnectionError when every attempt is reset", async () => {
    const result = await timedCall((_q, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      response.write("{");
      setTimeout(() => response.socket?.destroy(), 10);
    });
    expect(result.error).toBeInstanceOf(ConnectionError);
    expect((result.error as ConnectionError).attempts).toBe(3);
    expect((result.error as ConnectionError).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/r failed to connect: terminated: other side closed \(testOperation, 3 attempts\)$/);
    expect(result.requests).toHaveLength(3);
  });

  it("retries when the connection is refused, then reports ConnectionError", async () => {
    const server = await startServer((_q, response) => sendJson(response, 200, {}));
    const url = server.url;
    await server.close();
    const error: unknown = await runtimeFor(url).endpoint<object, unknown>(operation({ path: "/r" }))({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).attempts).toBe(3);
    expect((error as ConnectionError).message).toContain("ECONNREFUSED");
  });

  it("does not retry a POST without an Idempotency-Key", async () => {
    const result = await timedCall((_q, response) => sendJson(response, 503, {}), { method: "POST" });
    expect((result.error as ApiError).status).toBe(503);
    expect(result.requests).toHaveLength(1);
  });

  it("does not retry a POST whose response body is cut off, since it may have been applied", async () => {
    const result = await timedCall(
      failingThenOk(1, (_q, response) => {
        response.writeHead(201, { "content-type": "application/json", "content-length": "50" });
        response.write("{");
        setTimeout(() => response.socket?.destroy(), 10);
      }),
      { method: "POST" },
    );
    expect(result.error).toBeInstanceOf(ConnectionError);
    expect(result.requests).toHaveLength(1);
  });

  it("retries a POST carrying an Idempotency-Key, sending the same key every time", async () => {
    const result = await timedCall(failingThenOk(2, (_q, response) => sendJson(response, 503, {})), { method: "POST" }, { idempotencyKey: true });
    expect(result.data).toEqual({ ok: true });
    const keys = result.requests.map((request) => request.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it("gives every POST call its own key, and keeps a key the caller gave", async () => {
    const server = await startServer((_q, response) => sendJson(response, 200, {}));
    const endpoint = runtimeFor(server.url, { idempotencyKey: true }).endpoint<object, unknown>(operation({ method: "POST", path: "/r" }));
    await endpoint({});
    await endpoint({});
    await endpoint({}, { headers: { "Idempotency-Key": "mine" } });
    const [first, second, third] = server.requests.map((request) => request.headers["idempotency-key"]);
    expect(first).not.toBe(second);
    expect(third).toBe("mine");
    await runtimeFor(server.url, { idempotencyKey: true }).endpoint<object, unknown>(operation({ path: "/r" }))({});
    expect(server.requests.at(-1)?.headers).not.toHaveProperty("idempotency-key");
  });

  it("retries a POST with a caller-supplied Idempotency-Key even without the option", async () => {
    const server = await startServer(failingThenOk(1, (_q, response) => sendJson(response, 500, {})));
    const endpoint = runtimeFor(server.url).endpoint<object, unknown>(operation({ method: "POST", path: "/r" }));
    await expect(endpoint({}, { headers: { "Idempotency-Key": "k1" } })).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it("retries a method listed in methods, in any case (a JavaScript caller may write \"post\")", async () => {
    const methods = ["post"] as unknown as HttpMethod[];
    const result = await timedCall(failingThenOk(1, (_q, response) => sendJson(response, 503, {})), { method: "POST" }, { retry: { methods, baseDelay: 1 } });
    expect(result.data).toEqual({ ok: true });
    expect(result.requests).toHaveLength(2);
  });

  it("retries a custom method listed in methods as sent, which is case-sensitive (PURGE, not purge)", async () => {
    const failing = () => failingThenOk(1, (_q, response) => sendJson(response, 503, {}));
    const listed = await timedCall(failing(), { method: "PURGE" }, { retry: { methods: ["PURGE"], baseDelay: 1 } });
    expect(listed.requests.map((request) => request.method)).toEqual(["PURGE", "PURGE"]);
    const otherCase = await timedCall(failing(), { method: "PURGE" }, { retry: { methods: ["purge"], baseDelay: 1 } });
    expect(otherCase.requests).toHaveLength(1);
  });

  it("does not retry with retry: 0, per client or per call", async () => {
    expect((await timedCall((_q, response) => sendJson(response, 503, {}), {}, { retry: 0 })).requests).toHaveLength(1);
    const server = await startServer((_q, response) => sendJson(response, 503, {}));
    await runtimeFor(server.url).endpoint<object, unknown>(operation({ path: "/r" }))({}, { retry: 0 }).catch(() => undefined);
    expect(server.requests).toHaveLength(1);
  });

  it("sends the whole body again on each retry: JSON, and multipart with a file", async () => {
    const server = await startServer(failingThenOk(1, (_q, response) => sendJson(response, 503, {})));
    const runtime = runtimeFor(server.url, { retry: { baseDelay: 1 } });
    const put = runtime.endpoint<object, unknown>(operation({ method: "PUT", path: "/r", body: { kind: "json", mediaType: "application/json" } }));
    await expect(put({ body: { name: "Rex" } })).resolves.toEqual({ ok: true });
    const upload = runtime.endpoint<object, unknown>(operation({ method: "PUT", path: "/r", body: { kind: "multipart", mediaType: "multipart/form-data" } }));
    await upload({ body: { photo: new File([new Uint8Array([1, 2, 3])], "a.png", { type: "image/png" }) } });
    expect(server.requests.map((request) => request.body.length > 0)).toEqual([true, true, true]);
    const [first, second, third] = server.requests;
    expect(second?.body.toString()).toBe(first?.body.toString());
    expect(second?.body.toString()).toBe('{"name":"Rex"}');
    expect(third?.body.toString("latin1")).toContain('filename="a.png"');
  });

  it("never retries a request whose body is a stream", async () => {
    const server = await startServer((_q, response) => sendJson(response, 503, {}));
    const endpoint = runtimeFor(server.url, { retry: { baseDelay: 1 } }).endpoint<object, unknown>(
      operation({ method: "PUT", path: "/r", body: { kind: "binary", mediaType: "application/octet-stream" } }),
    );
    const body = new ReadableStream<Uint8Array>({ start: (controller) => (controller.enqueue(new Uint8Array([1, 2])), controller.close()) });
    await expect(endpoint({ body })).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(1);
    expect([...(server.requests[0]?.body ?? [])]).toEqual([1, 2]);
  });

  it("backs off exponentially without server hints", async () => {
    const result = await timedCall((_q, response) => sendJson(response, 500, {}), {}, { retry: { limit: 2, baseDelay: 100, jitter: false } });
    expect(result.requests).toHaveLength(3);
    // 100 ms, then 200 ms.
    expect(result.elapsed).toBeGreaterThanOrEqual(290);
    expect(result.elapsed).toBeLessThan(1_500);
  });
});

describe("rate-limit headers, as ky 2 reads them", () => {
  /** Caps every server-requested wait, so that a test of a long one takes this long. */
  const CAP_MS = 500;
  /** A retry this soon did not wait for the header (the backoff of `runtimeFor` is about 1 ms). */
  const AT_ONCE_MS = 350;
  const epochSeconds = (fromNow: number): string => String(Math.floor(Date.now() / 1000) + fromNow);

  async function waitAfter(status: number, headers: () => Record<string, string>): Promise<number> {
    const result = await timedCall(
      failingThenOk(1, (_q, response) => sendJson(response, status, {}, headers())),
      {},
      { retry: { maxRetryAfter: CAP_MS } },
    );
    expect(result.data).toEqual({ ok: true });
    expect(result.requests).toHaveLength(2);
    return result.elapsed;
  }

  it.each(["RateLimit-Reset", "X-RateLimit-Retry-After", "X-RateLimit-Reset", "X-Rate-Limit-Reset"])("waits the delay in seconds of %s on a 429", async (name) => {
    expect(await waitAfter(429, () => ({ [name]: "2" }))).toBeGreaterThanOrEqual(CAP_MS - 10);
  });

  it.each(["RateLimit-Reset", "X-RateLimit-Reset", "X-Rate-Limit-Reset"])("reads an epoch time in %s as a timestamp: a future one is waited for, a past one not", async (name) => {
    expect(await waitAfter(429, () => ({ [name]: epochSeconds(60) }))).toBeGreaterThanOrEqual(CAP_MS - 10);
    expect(await waitAfter(429, () => ({ [name]: epochSeconds(-60) }))).toBeLessThan(AT_ONCE_MS);
  });

  it("reads X-RateLimit-Retry-After as seconds, never as a timestamp, as ky does", async () => {
    expect(await waitAfter(429, () => ({ "X-RateLimit-Retry-After": epochSeconds(-60) }))).toBeGreaterThanOrEqual(CAP_MS - 10);
  });

  it("reads the rate-limit headers on a 503 too, but not on a 500, where they only describe the quota", async () => {
    expect(await waitAfter(503, () => ({ "X-RateLimit-Reset": "2" }))).toBeGreaterThanOrEqual(CAP_MS - 10);
    expect(await waitAfter(500, () => ({ "X-RateLimit-Reset": "2", "RateLimit-Reset": "2" }))).toBeLessThan(AT_ONCE_MS);
  });

  it("lets Retry-After win over the rate-limit headers, and retry-after-ms over both", async () => {
    expect(await waitAfter(429, () => ({ "Retry-After": "0", "RateLimit-Reset": "2" }))).toBeLessThan(AT_ONCE_MS);
    expect(await waitAfter(429, () => ({ "retry-after-ms": "0", "Retry-After": "2", "RateLimit-Reset": "2" }))).toBeLessThan(AT_ONCE_MS);
  });

  it("falls back to the backoff when the header that counts cannot be read", async () => {
    expect(await waitAfter(429, () => ({ "RateLimit-Reset": "soon", "X-RateLimit-Reset": "2" }))).toBeLessThan(AT_ONCE_MS);
  });
});

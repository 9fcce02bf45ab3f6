import { afterEach, describe, expect, it } from "vitest";
import { TimeoutError } from "../../runtime/index.js";
import { closeServers, sendJson, startServer, until } from "../support/http-server.js";
import { operation, runtimeFor } from "../support/runtime-fixtures.js";

afterEach(closeServers);

const never = (): void => undefined;

describe("timeouts", () => {
  it("throws TimeoutError after each attempt times out, retrying timeouts", async () => {
    const server = await startServer(never);
    const endpoint = runtimeFor(server.url, { timeout: 100, retry: { limit: 1, baseDelay: 1 } }).endpoint<object, unknown>(operation({ path: "/slow" }));
    const started = performance.now();
    const error: unknown = await endpoint({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(2);
    expect((error as TimeoutError).timeout).toBe(100);
    expect((error as TimeoutError).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/slow timed out after 100 ms \(testOperation, 2 attempts\)$/);
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("counts a JSON body that stalls after the headers against the timeout", async () => {
    const server = await startServer((_q, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write("[1,");
    });
    const endpoint = runtimeFor(server.url, { timeout: 100, retry: 0 }).endpoint<object, unknown>(operation({ path: "/stall" }));
    await expect(endpoint({})).rejects.toBeInstanceOf(TimeoutError);
  });

  it("lets a call override the timeout", async () => {
    const server = await startServer((_q, response) => void setTimeout(() => sendJson(response, 200, { late: true }), 150));
    const endpoint = runtimeFor(server.url, { timeout: 50, retry: 0 }).endpoint<object, unknown>(operation({ path: "/slow" }));
    await expect(endpoint({})).rejects.toBeInstanceOf(TimeoutError);
    await expect(endpoint({}, { timeout: 1_000 })).resolves.toEqual({ late: true });
  });
});

describe("caller aborts", () => {
  it("rejects at once with the caller's reason and never retries", async () => {
    const server = await startServer(never);
    const endpoint = runtimeFor(server.url).endpoint<object, unknown>(operation({ path: "/slow" }));
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    const call = endpoint({}, { signal: controller.signal });
    await until(() => server.requests.length === 1);
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(1);
  });

  it("interrupts the wait before a retry", async () => {
    const server = await startServer((_q, response) => sendJson(response, 503, {}, { "retry-after": "10" }));
    const endpoint = runtimeFor(server.url).endpoint<object, unknown>(operation({ path: "/r" }));
    const started = performance.now();
    const error: unknown = await endpoint({}, { signal: AbortSignal.timeout(100) }).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe("TimeoutError");
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it("rejects an already aborted signal without sending", async () => {
    const server = await startServer((_q, response) => sendJson(response, 200, {}));
    const endpoint = runtimeFor(server.url).endpoint<object, unknown>(operation({ path: "/r" }));
    const reason = new Error("too late");
    await expect(endpoint({}, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  describe("while a function of the caller's is pending", () => {
    const slowly = <T>(value: T): (() => Promise<T>) => () => new Promise((resolve) => setTimeout(() => resolve(value), 400));
    const api = { title: "Abort API", securitySchemes: { bearer: { type: "http", scheme: "bearer" } } } as const;

    /** Aborts 50 ms into the call; resolves with the rejection and how long it took after the abort. */
    async function abortedAfter50ms(call: (signal: AbortSignal) => Promise<unknown>): Promise<{ error: unknown; afterAbort: number }> {
      const controller = new AbortController();
      const reason = new Error("user navigated away");
      const pending = call(controller.signal).catch((caught: unknown) => caught);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const aborted = performance.now();
      controller.abort(reason);
      const error = await pending;
      expect(error).toBe(reason);
      return { error, afterAbort: performance.now() - aborted };
    }

    it("rejects at once with the caller's reason while the client's async headers() runs, and sends nothing", async () => {
      const server = await startServer((_q, response) => sendJson(response, 200, {}));
      const endpoint = runtimeFor(server.url, { headers: slowly({ "x-tenant": "t1" }) }).endpoint<object, unknown>(operation({ path: "/r" }));
      const { afterAbort } = await abortedAfter50ms((signal) => endpoint({}, { signal }));
      expect(afterAbort).toBeLessThan(100);
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(server.requests).toHaveLength(0);
    });

    it("rejects at once with the caller's reason while a credential function runs, and sends nothing", async () => {
      const server = await startServer((_q, response) => sendJson(response, 200, {}));
      const endpoint = runtimeFor(server.url, { auth: { bearer: slowly("token") } }, api).endpoint<object, unknown>(
        operation({ path: "/r", security: [{ bearer: [] }] }),
      );
      const { afterAbort } = await abortedAfter50ms((signal) => endpoint({}, { signal }));
      expect(afterAbort).toBeLessThan(100);
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(server.requests).toHaveLength(0);
    });
  });
});

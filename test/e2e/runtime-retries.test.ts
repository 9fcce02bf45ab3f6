/**
 * Retries through the generated runtime-policies SDK against a fault-injecting server: which
 * failures and methods are retried, how long the waits are, and what is never retried.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, ConnectionError } from "../.out/sdk/runtime-policies/index.js";
import { memoryLogger } from "../support/runtime-fixtures.js";
import {
  clientFor,
  closeServers,
  failFirst,
  gapAfter,
  inTurn,
  rejectionOf,
  resetMidBody,
  sendJson,
  startPolicyServer,
  type Handler,
} from "./runtime-support.js";

afterEach(closeServers);

const item: Handler = (_request, response) => sendJson(response, 200, { id: "1", name: "Widget" });
const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_request, response) =>
    sendJson(response, code, { message: `status ${code}` }, headers);

describe("retries through a generated SDK", () => {
  it("retries a GET after 503 and waits the Retry-After seconds", async () => {
    const server = await startPolicyServer(failFirst(1, status(503, { "retry-after": "1" }), item));
    const logger = memoryLogger();
    const api = clientFor(server, { auth: { bearerAuth: "t" }, logger, logLevel: "info" });
    await expect(api.getItem({ itemId: "1" })).resolves.toEqual({ id: "1", name: "Widget" });
    expect(server.requests).toHaveLength(2);
    expect(gapAfter(server, 0)).toBeGreaterThanOrEqual(950);
    expect(logger.lines).toEqual([expect.stringMatching(/^info .*retrying GET .*\/v1\/items\/1 \(getItem\) after status 503: attempt 2 of 3, waited 1000 ms$/)]);
  });

  it("waits until a 429's Retry-After HTTP date", async () => {
    // toUTCString() drops the milliseconds, so the date is between 1 and 2 seconds away.
    const tooMany: Handler = (_request, response) => sendJson(response, 429, {}, { "retry-after": new Date(Date.now() + 2_000).toUTCString() });
    const server = await startPolicyServer(failFirst(1, tooMany, item));
    const api = clientFor(server, { auth: { bearerAuth: "t" } });
    await expect(api.getItem({ itemId: "1" })).resolves.toMatchObject({ id: "1" });
    expect(server.requests).toHaveLength(2);
    expect(gapAfter(server, 0)).toBeGreaterThanOrEqual(900);
  });

  it("honours retry-after-ms", async () => {
    const server = await startPolicyServer(failFirst(1, status(500, { "retry-after-ms": "400" }), item));
    const api = clientFor(server, { auth: { bearerAuth: "t" } });
    await expect(api.getItem({ itemId: "1" })).resolves.toMatchObject({ id: "1" });
    expect(gapAfter(server, 0)).toBeGreaterThanOrEqual(380);
  });

  it("caps a server-requested wait at maxRetryAfter", { timeout: 10_000 }, async () => {
    const server = await startPolicyServer(failFirst(1, status(503, { "retry-after": "3600" }), item));
    const logger = memoryLogger();
    const api = clientFor(server, { auth: { bearerAuth: "t" }, retry: { maxRetryAfter: 100 }, logger, logLevel: "info" });
    await expect(api.getItem({ itemId: "1" })).resolves.toMatchObject({ id: "1" });
    expect(logger.lines[0]).toMatch(/waited 100 ms$/);
  });

  it.each([408, 429, 500, 502, 503, 504])("retries status %i twice by default, then throws its ApiError", async (code) => {
    const server = await startPolicyServer(status(code));
    const api = clientFor(server, { auth: { bearerAuth: "t" } });
    const error = await rejectionOf(api.getItem({ itemId: "1" }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(code);
    expect(server.requests).toHaveLength(3);
  });

  it.each([400, 401, 404, 409, 501])("does not retry status %i", async (code) => {
    const server = await startPolicyServer(status(code));
    const api = clientFor(server, { auth: { bearerAuth: "t" } });
    await expect(api.getItem({ itemId: "1" })).rejects.toMatchObject({ status: code });
    expect(server.requests).toHaveLength(1);
  });

  it("retries PUT and DELETE, which are idempotent", async () => {
    const server = await startPolicyServer(failFirst(1, status(503), item));
    const api = clientFor(server, { auth: { bearerAuth: "t", headerKey: "k" } });
    await api.replaceItem({ itemId: "1", body: { name: "Widget" } });
    const deleting = await startPolicyServer(failFirst(1, status(502), (_q, response) => void response.writeHead(204).end()));
    await clientFor(deleting, { auth: { headerKey: "k" } }).deleteItem({ itemId: "1" });
    expect(server.requests.map((request) => request.method)).toEqual(["PUT", "PUT"]);
    expect(deleting.requests.map((request) => request.method)).toEqual(["DELETE", "DELETE"]);
  });

  it("retries HEAD and OPTIONS, which are idempotent", async () => {
    const empty: Handler = (_q, response) => void response.writeHead(204, { allow: "GET, POST" }).end();
    const server = await startPolicyServer(inTurn(status(503), empty, status(504), empty));
    const api = clientFor(server, { auth: { bearerAuth: "t" } });
    await expect(api.checkFile({ fileId: "f" })).resolves.toBeUndefined();
    await expect(api.itemsOptions.withResponse()).resolves.toMatchObject({ status: 204 });
    expect(server.requests.map((request) => request.method)).toEqual(["HEAD", "HEAD", "OPTIONS", "OPTIONS"]);
  });

  it("never retries a POST or a PATCH without an Idempotency-Key", async () => {
    const server = await startPolicyServer(status(503));
    const api = clientFor(server, { auth: { bearerAuth: "t" } });
    await expect(api.createItem({ body: { name: "Widget" } })).rejects.toMatchObject({ status: 503 });
    await expect(api.patchItem({ itemId: "1", body: { quantity: 2 } })).rejects.toMatchObject({ status: 503 });
    expect(server.requests.map((request) => request.method)).toEqual(["POST", "PATCH"]);
  });

  it("retries a POST and a PATCH with idempotencyKey: true, sending one key per call on every attempt", async () => {
    const server = await startPolicyServer(inTurn(status(503), status(503), item, status(500), item));
    const api = clientFor(server, { auth: { bearerAuth: "t" }, idempotencyKey: true });
    await api.createItem({ body: { name: "Widget" } });
    await api.patchItem({ itemId: "1", body: { quantity: 2 } });
    const keys = server.requests.map((request) => request.headers["idempotency-key"]);
    expect(server.requests.map((request) => request.method)).toEqual(["POST", "POST", "POST", "PATCH", "PATCH"]);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(new Set(keys.slice(3)).size).toBe(1);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it("retries a POST whose caller gave an Idempotency-Key header, and uses a key function", async () => {
    const server = await startPolicyServer(inTurn(status(503), item, status(503), item));
    await clientFor(server, { auth: { bearerAuth: "t" } }).createItem({ body: { name: "W" } }, { headers: { "Idempotency-Key": "order-7" } });
    await clientFor(server, { auth: { bearerAuth: "t" }, idempotencyKey: () => "from-fn" }).createItem({ body: { name: "W" } });
    expect(server.requests.map((request) => request.headers["idempotency-key"])).toEqual(["order-7", "order-7", "from-fn", "from-fn"]);
  });

  it("retries a connection reset in the middle of a GET's response body", async () => {
    const server = await startPolicyServer(failFirst(1, resetMidBody, item));
    const api = clientFor(server, { auth: { bearerAuth: "t" } });
    await expect(api.getItem({ itemId: "1" })).resolves.toEqual({ id: "1", name: "Widget" });
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a POST whose response body was cut off: it hits the server exactly once", async () => {
    const server = await startPolicyServer(failFirst(1, resetMidBody, item));
    const api = clientFor(server, { auth: { bearerAuth: "t" } });
    const error = await rejectionOf(api.createItem({ body: { name: "Widget" } }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a refused connection, then throws ConnectionError", async () => {
    const server = await startPolicyServer(item);
    await server.close();
    const error = await rejectionOf(clientFor(server, { auth: { bearerAuth: "t" } }).getItem({ itemId: "1" }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).attempts).toBe(3);
    expect((error as Error).message).toContain("ECONNREFUSED");
  });

  it("follows limit, methods and statusCodes, per client and per call", async () => {
    const server = await startPolicyServer(status(503));
    const api = clientFor(server, { auth: { bearerAuth: "t" }, retry: { limit: 4 } });
    await rejectionOf(api.getItem({ itemId: "1" }));
    expect(server.requests).toHaveLength(5);
    await rejectionOf(api.getItem({ itemId: "1" }, { retry: 0 }));
    expect(server.requests).toHaveLength(6);
    await rejectionOf(api.replaceItem({ itemId: "1", body: { name: "W" } }, { retry: { methods: ["GET"] } }));
    expect(server.requests).toHaveLength(7);
    await rejectionOf(api.getItem({ itemId: "1" }, { retry: { statusCodes: [500] } }));
    expect(server.requests).toHaveLength(8);
  });

  it("backs off exponentially from baseDelay without jitter, and within the ceiling with it", async () => {
    const server = await startPolicyServer(status(500));
    await rejectionOf(clientFor(server, { auth: { bearerAuth: "t" }, retry: { baseDelay: 100, jitter: false } }).getItem({ itemId: "1" }));
    expect(gapAfter(server, 0)).toBeGreaterThanOrEqual(95);
    expect(gapAfter(server, 1)).toBeGreaterThanOrEqual(195);

    const logger = memoryLogger();
    await rejectionOf(clientFor(server, { auth: { bearerAuth: "t" }, retry: { limit: 3, baseDelay: 40 }, logger, logLevel: "info" }).getItem({ itemId: "1" }));
    const waits = logger.lines.filter((line) => line.includes("] retrying ")).map((line) => Number(/waited (\d+) ms/.exec(line)?.[1]));
    expect(waits).toHaveLength(3);
    waits.forEach((wait, retry) => expect(wait).toBeLessThanOrEqual(40 * 2 ** retry));
    // Jittered: all three landing on their ceilings has odds of about 1 in 500,000.
    expect(waits.some((wait, retry) => wait < 40 * 2 ** retry)).toBe(true);
  });
});

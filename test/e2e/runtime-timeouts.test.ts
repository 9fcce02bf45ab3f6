/**
 * Per-attempt timeouts, per-call overrides and caller aborts through the generated SDK, against a
 * server that answers late or never.
 */
import { afterEach, describe, expect, it } from "vitest";
import { TimeoutError } from "../.out/sdk/runtime-policies/index.js";
import { clientFor, closeServers, delay, rejectionOf, sendJson, startPolicyServer, until, type Handler } from "./runtime-support.js";

afterEach(closeServers);

const never: Handler = () => undefined;
const lateBy =
  (milliseconds: number): Handler =>
  (_request, response) =>
    void setTimeout(() => sendJson(response, 200, { id: "1", name: "Late" }), milliseconds);

describe("timeouts through a generated SDK", () => {
  it("times out each attempt of a response slower than the timeout, retries, then throws TimeoutError", async () => {
    const server = await startPolicyServer(lateBy(2_000));
    const error = await rejectionOf(clientFor(server, { auth: { bearerAuth: "t" }, timeout: 100 }).getItem({ itemId: "1" }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeout: 100, attempts: 3, operation: "getItem", method: "GET" });
    expect((error as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/v1\/items\/1 timed out after 100 ms \(getItem, 3 attempts\)$/);
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a timeout with retryOnTimeout: false", async () => {
    const server = await startPolicyServer(never);
    await rejectionOf(clientFor(server, { auth: { bearerAuth: "t" }, timeout: 50, retry: { retryOnTimeout: false } }).getItem({ itemId: "1" }));
    expect(server.requests).toHaveLength(1);
  });

  it("lets one call extend or shorten the client's timeout", async () => {
    const server = await startPolicyServer(lateBy(200));
    const short = clientFor(server, { auth: { bearerAuth: "t" }, timeout: 50, retry: 0 });
    await expect(short.getItem({ itemId: "1" })).rejects.toBeInstanceOf(TimeoutError);
    await expect(short.getItem({ itemId: "1" }, { timeout: 5_000 })).resolves.toEqual({ id: "1", name: "Late" });
    const generous = clientFor(server, { auth: { bearerAuth: "t" }, retry: 0 });
    await expect(generous.getItem({ itemId: "1" }, { timeout: 50 })).rejects.toMatchObject({ name: "TimeoutError", timeout: 50 });
    await expect(generous.getItem({ itemId: "1" })).resolves.toMatchObject({ name: "Late" });
  });

  it("counts a JSON body that stalls after its headers against the timeout", async () => {
    const server = await startPolicyServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"id":');
    });
    await expect(clientFor(server, { auth: { bearerAuth: "t" }, timeout: 100, retry: 0 }).getItem({ itemId: "1" })).rejects.toBeInstanceOf(TimeoutError);
  });

  it("does not cut off a binary download that outlasts the timeout once its headers arrived", async () => {
    const server = await startPolicyServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/octet-stream" });
      response.write("first ");
      setTimeout(() => response.end("last"), 1_300);
    });
    const download = await clientFor(server, { auth: { bearerAuth: "t" }, timeout: 1_000 }).downloadFile({ fileId: "f" });
    expect(await download.text()).toBe("first last");
  });
});

describe("caller aborts through a generated SDK", () => {
  it("rejects at once with the signal's reason and never retries, even a GET", async () => {
    const server = await startPolicyServer(never);
    const controller = new AbortController();
    const reason = new Error("the user left");
    const call = clientFor(server, { auth: { bearerAuth: "t" } }).getItem({ itemId: "1" }, { signal: controller.signal });
    await until(() => server.requests.length === 1);
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    await delay(100);
    expect(server.requests).toHaveLength(1);
  });

  it("interrupts the wait before a retry", async () => {
    const server = await startPolicyServer((_request, response) => sendJson(response, 503, {}, { "retry-after": "30" }));
    const controller = new AbortController();
    const call = clientFor(server, { auth: { bearerAuth: "t" } }).getItem({ itemId: "1" }, { signal: controller.signal });
    await until(() => server.requests.length === 1);
    await delay(20);
    controller.abort(new Error("enough"));
    await expect(call).rejects.toThrow("enough");
    expect(server.requests).toHaveLength(1);
  });

  it("sends nothing for a signal that has already aborted", async () => {
    const server = await startPolicyServer(never);
    const reason = new Error("too late");
    await expect(clientFor(server, { auth: { bearerAuth: "t" } }).getItem({ itemId: "1" }, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });
});

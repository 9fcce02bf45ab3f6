/**
 * `maxConcurrency` through the generated SDK: a server that holds every request until the test
 * lets it go shows how many are in flight and in which order queued calls start.
 */
import { afterEach, describe, expect, it } from "vitest";
import { clientFor, closeServers, delay, rejectionOf, sendJson, startPolicyServer, until, type Handler } from "./runtime-support.js";

afterEach(closeServers);

/** Holds each request until `release()`, oldest first, then answers with the item it asked for. */
function heldServer() {
  const waiting: (() => void)[] = [];
  const handler: Handler = (request, response) => {
    waiting.push(() => sendJson(response, 200, { id: request.path.split("/").at(-1), name: "held" }));
  };
  return { handler, release: () => waiting.shift()?.(), held: () => waiting.length };
}

describe("maxConcurrency through a generated SDK", () => {
  it("keeps at most maxConcurrency requests in flight and starts queued calls first come, first served", async () => {
    const held = heldServer();
    const server = await startPolicyServer(held.handler);
    const api = clientFor(server, { auth: { bearerAuth: "t" }, maxConcurrency: 2 });
    const calls = ["0", "1", "2", "3", "4", "5"].map((itemId) => api.getItem({ itemId }));
    await until(() => held.held() === 2);
    await delay(50);
    expect(server.requests).toHaveLength(2);
    for (let released = 1; released <= 4; released++) {
      held.release();
      await until(() => server.requests.length === 2 + released);
    }
    held.release();
    held.release();
    const results = await Promise.all(calls);
    expect(results.map((item) => item.id)).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(server.requests.map((request) => request.path)).toEqual(["0", "1", "2", "3", "4", "5"].map((id) => `/v1/items/${id}`));
    expect(server.inFlight.max).toBe(2);
  });

  it("lets a queued call whose signal aborts leave the queue without being sent", async () => {
    const held = heldServer();
    const server = await startPolicyServer(held.handler);
    const api = clientFor(server, { auth: { bearerAuth: "t" }, maxConcurrency: 1 });
    const first = api.getItem({ itemId: "first" });
    const controller = new AbortController();
    const abandoned = api.getItem({ itemId: "abandoned" }, { signal: controller.signal });
    const last = api.getItem({ itemId: "last" });
    await until(() => held.held() === 1);
    controller.abort(new Error("not needed"));
    await expect(abandoned).rejects.toThrow("not needed");
    held.release();
    await until(() => held.held() === 1);
    held.release();
    await Promise.all([first, last]);
    expect(server.requests.map((request) => request.path)).toEqual(["/v1/items/first", "/v1/items/last"]);
  });

  it("frees a slot when a call fails, and holds it across a call's retries", async () => {
    let answered = 0;
    const server = await startPolicyServer((_request, response) => (++answered <= 2 ? sendJson(response, 503, {}) : sendJson(response, 200, { id: "1", name: "W" })));
    const api = clientFor(server, { auth: { bearerAuth: "t" }, maxConcurrency: 1 });
    await rejectionOf(api.getItem({ itemId: "1" }, { retry: 1 }));
    await expect(Promise.all([api.getItem({ itemId: "2" }), api.getItem({ itemId: "3" })])).resolves.toHaveLength(2);
    expect(server.inFlight.max).toBe(1);
  });
});

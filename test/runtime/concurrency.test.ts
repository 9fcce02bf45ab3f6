import { afterEach, describe, expect, it } from "vitest";
import { closeServers, gate, sendJson, startServer, until } from "../support/http-server.js";
import { operation, param, runtimeFor } from "../support/runtime-fixtures.js";

afterEach(closeServers);

/** A server that holds each request until the test releases it by its `n` query parameter. */
async function heldServer() {
  const gates = new Map<string, ReturnType<typeof gate>>();
  const gateFor = (n: string) => gates.get(n) ?? gates.set(n, gate()).get(n)!;
  const server = await startServer(async (request, response) => {
    const n = request.query.get("n") ?? "";
    await gateFor(n).promise;
    sendJson(response, 200, { n });
  });
  const arrived = (): string[] => server.requests.map((request) => request.query.get("n") ?? "");
  return { server, arrived, release: (n: number) => gateFor(String(n)).open() };
}

const numbered = operation({ path: "/work", params: [param("n", "query")] });

describe("maxConcurrency", () => {
  it("caps requests in flight and starts queued calls first come, first served", async () => {
    const { server, arrived, release } = await heldServer();
    const endpoint = runtimeFor(server.url, { maxConcurrency: 2 }).endpoint<{ n: number }, unknown>(numbered);
    const calls = [0, 1, 2, 3, 4].map((n) => endpoint({ n }));
    await until(() => arrived().length === 2);
    expect(arrived().sort()).toEqual(["0", "1"]);
    release(1);
    await until(() => arrived().length === 3);
    expect(arrived()[2]).toBe("2");
    release(0);
    await until(() => arrived().length === 4);
    expect(arrived()[3]).toBe("3");
    release(2);
    release(3);
    release(4);
    expect(await Promise.all(calls)).toEqual(["0", "1", "2", "3", "4"].map((n) => ({ n })));
    expect(server.inFlight.max).toBe(2);
  });

  it("lets a queued call whose signal aborts leave the queue without being sent", async () => {
    const { server, arrived, release } = await heldServer();
    const endpoint = runtimeFor(server.url, { maxConcurrency: 1 }).endpoint<{ n: number }, unknown>(numbered);
    const controller = new AbortController();
    const first = endpoint({ n: 0 });
    const abandoned = endpoint({ n: 1 }, { signal: controller.signal });
    const third = endpoint({ n: 2 });
    await until(() => arrived().length === 1);
    controller.abort(new Error("no longer needed"));
    await expect(abandoned).rejects.toThrow("no longer needed");
    release(0);
    release(2);
    await expect(Promise.all([first, third])).resolves.toEqual([{ n: "0" }, { n: "2" }]);
    expect(arrived()).toEqual(["0", "2"]);
  });

  it("frees the slot when a call fails", async () => {
    const server = await startServer((_q, response) => sendJson(response, 400, {}));
    const endpoint = runtimeFor(server.url, { maxConcurrency: 1 }).endpoint<object, unknown>(operation({ path: "/r" }));
    await expect(endpoint({})).rejects.toMatchObject({ status: 400 });
    await expect(endpoint({})).rejects.toMatchObject({ status: 400 });
    expect(server.requests).toHaveLength(2);
  });

  it("rejects a nonsensical limit when the client is created", () => {
    expect(() => runtimeFor("http://127.0.0.1:1", { maxConcurrency: 0 })).toThrow(RangeError);
  });
});

/**
 * The testing kit answering streaming operations: items or a script (ids, delays, a drop), checked
 * against the item schema when registered, read by the SDK as from a server.
 */
import { describe, expect, it } from "vitest";
import { ConnectionError, createClient } from "../.out/sdk/streaming/index.js";
import { createMockApi, MockError } from "../.out/sdk/streaming/testing.js";
import { createClient as createFeedsClient } from "../.out/sdk/feeds32/index.js";
import { createMockApi as createFeedsMock } from "../.out/sdk/feeds32/testing.js";

function setup() {
  const mock = createMockApi();
  const api = createClient({ baseUrl: "http://streaming.test/v1", fetch: mock.fetch, logLevel: "off" });
  return { mock, api };
}

const chunk = (content: string) => ({ id: "c", choices: [{ index: 0, delta: { content } }] });

describe("a mock of a streaming operation", () => {
  it("answers with the items given, as Server-Sent Events the SDK reads back", async () => {
    const { mock, api } = setup();
    mock.createChatCompletion.returns([chunk("Hel"), chunk("lo")]);
    const stream = await api.createChatCompletion({ body: { prompt: "hi" } });
    expect(stream.headers.get("content-type")).toBe("text/event-stream");
    expect(await stream.toArray()).toEqual([chunk("Hel"), chunk("lo")]);
    expect(mock.createChatCompletion.calls).toEqual([{ body: { prompt: "hi" } }]);
  });

  it("refuses, when registered, an item that does not match the item schema, naming it", () => {
    const { mock } = setup();
    // @ts-expect-error: an item without choices is no ChatCompletionChunk
    expect(() => mock.createChatCompletion.returns([chunk("ok"), { id: "x" }])).toThrow(MockError);
    // @ts-expect-error: the same, in a script
    expect(() => mock.createChatCompletion.returns({ stream: [{ item: { id: "x" } }] })).toThrow(/item 1: /);
  });

  it("plays a script: text events with pauses between them, then a drop the SDK reports as a broken stream", async () => {
    const { mock, api } = setup();
    mock.tailLogs.returns({ stream: [{ item: "one" }, { delay: 30 }, { item: "two\nlines" }, { drop: true }] });
    const lines: string[] = [];
    const started = Date.now();
    const error = await (async () => {
      for await (const line of await api.tailLogs()) lines.push(line);
    })().catch((caught: unknown) => caught);
    expect(lines).toEqual(["one", "two\nlines"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).items).toBe(2);
  });

  it("fakes a few valid items from the item schema", async () => {
    const { mock, api } = setup();
    mock.exportRecords.returnsFake();
    const records = await (await api.exportRecords()).toArray();
    expect(records).toHaveLength(3);
    for (const record of records) expect(typeof record.id).toBe("number");
  });

  it("records a JSON Lines request body, sent from an async iterable, as the array of its items", async () => {
    const { mock, api } = setup();
    mock.importRecords.returns({ imported: 2 });
    async function* records() {
      yield { id: 1, name: "a" };
      yield { id: 2, name: "b" };
    }
    expect(await api.importRecords({ body: records() })).toEqual({ imported: 2 });
    expect(mock.importRecords.calls).toEqual([{ body: [{ id: 1, name: "a" }, { id: 2, name: "b" }] }]);
  });

  it("serves a resumed SSE stream: the SDK reconnects with Last-Event-ID and the loop sees every event once", async () => {
    const mock = createFeedsMock();
    const api = createFeedsClient({ baseUrl: "http://feeds.test", fetch: mock.fetch, logLevel: "off" });
    const change = (seq: number) => ({ seq, kind: "created" as const });
    const lastEventIds: (string | null)[] = [];
    mock.streamEvents.handles((_args, request) => {
      lastEventIds.push(request.headers.get("last-event-id"));
      return lastEventIds.length === 1
        ? { body: { stream: [{ item: change(1), id: "1", retry: 5 }, { item: change(2), id: "2" }, { drop: true }] } }
        : { body: [change(3)] };
    });
    expect(await (await api.streamEvents()).toArray()).toEqual([change(1), change(2), change(3)]);
    expect(lastEventIds).toEqual([null, "2"]);
  });
});

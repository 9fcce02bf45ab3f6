/**
 * Streaming responses (Server-Sent Events, JSON Lines, JSON text sequences) through SDKs generated
 * from fixtures/streaming31.yaml and fixtures/openapi32.yaml, against a real server on 127.0.0.1.
 */
import type { ServerResponse } from "node:http";
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, ConnectionError, createClient, ResponseValidationError, SdkError, Stream, TimeoutError, type ServerSentEvent } from "../.out/sdk/streaming/index.js";
import { createClient as createDatesClient } from "../.out/sdk/streaming-dates/index.js";
import { createClient as createFeedsClient } from "../.out/sdk/feeds32/index.js";
import { closeServers, startServer, until, type Handler, type TestServer } from "../support/http-server.js";

afterEach(closeServers);

const delay = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Answers with the given chunks, written in turn (a pause between them, so they arrive apart). */
function chunked(contentType: string, chunks: readonly (string | Uint8Array)[], options: { pause?: number; end?: boolean } = {}): Handler {
  return async (_request, response) => {
    response.writeHead(200, { "content-type": contentType });
    for (const chunk of chunks) {
      response.write(chunk);
      if (options.pause !== undefined) await delay(options.pause);
    }
    if (options.end !== false) response.end();
  };
}

/** Records whether the server saw the connection close before it ended its response. */
function closedEarly(response: ServerResponse): { readonly closed: boolean } {
  const state = { closed: false };
  response.on("close", () => {
    if (!response.writableFinished) state.closed = true;
  });
  return state;
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function streamingClient(server: TestServer, options: Parameters<typeof createClient>[0] = {}) {
  return createClient({ baseUrl: `${server.url}/v1`, logger: quiet, ...options });
}

const chunk = (id: string, content: string) => ({ id, choices: [{ index: 0, delta: { content }, finish_reason: null }] });
const sse = (value: unknown): string => `data: ${JSON.stringify(value)}\n\n`;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

describe("Server-Sent Events", () => {
  it("yields each event's data as a validated item, skips comments, and ends at data: [DONE]", async () => {
    const server = await startServer(
      chunked("text/event-stream", [": keep-alive\n\n", sse(chunk("a", "Hel")), sse(chunk("a", "lo")), "data: [DONE]\n\n", sse(chunk("a", "after done"))]),
    );
    const api = streamingClient(server);
    const stream = await api.createChatCompletion({ body: { prompt: "hi", stream: true } });
    expect(stream).toBeInstanceOf(Stream);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toBe("text/event-stream");
    expect(stream.response.status).toBe(200);
    const contents: string[] = [];
    for await (const item of stream) contents.push(item.choices[0]?.delta.content ?? "");
    expect(contents).toEqual(["Hel", "lo"]);
    expect(JSON.parse(server.requests[0]?.body.toString() ?? "")).toEqual({ prompt: "hi", stream: true });
  });

  it("answers an error status with the ApiError of its declared body, not a stream", async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(400, { "content-type": "application/json" });
      response.end(JSON.stringify({ message: "no prompt" }));
    });
    const api = streamingClient(server);
    const error = await failureOf(api.createChatCompletion({ body: { prompt: "" } }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toEqual({ message: "no prompt" });
  });

  it("yields the data of plain-text events as they are when the item schema is a string", async () => {
    const server = await startServer(chunked("text/event-stream", ["data: first line\n\n", 'data: {"not": "parsed"}\n\n']));
    const lines = await (await streamingClient(server).tailLogs()).toArray();
    expect(lines).toEqual(["first line", '{"not": "parsed"}']);
  });

  /**
   * The WHATWG event stream parsing cases: each body is sent in the chunks given (so line ends
   * split across chunks are covered), and the raw events must be those listed; eventsource-parser,
   * the well-kept parser the SDK's own is measured against, must agree on each.
   */
  const cases: readonly { name: string; chunks: readonly string[]; events: readonly Partial<ServerSentEvent>[]; referenceDiffers?: true }[] = [
    { name: "LF line ends", chunks: ["data: a\n\ndata: b\n\n"], events: [{ data: "a" }, { data: "b" }] },
    { name: "CRLF line ends", chunks: ["data: a\r\n\r\ndata: b\r\n\r\n"], events: [{ data: "a" }, { data: "b" }] },
    // eventsource-parser 3.1 holds a final CR back in case an LF follows, even at the end of the
    // stream, and so never dispatches the last event; the standard ends the line at the CR.
    { name: "CR line ends", chunks: ["data: a\r\rdata: b\r\r"], events: [{ data: "a" }, { data: "b" }], referenceDiffers: true },
    { name: "a CRLF split between chunks", chunks: ["data: a\r", "\n\r", "\ndata: b\r\n\r\n"], events: [{ data: "a" }, { data: "b" }] },
    { name: "a leading byte order mark", chunks: ["\uFEFFdata: a\n\n"], events: [{ data: "a" }] },
    { name: "multi-line data joined with LF", chunks: ["data: one\ndata: two\ndata:\ndata: four\n\n"], events: [{ data: "one\ntwo\n\nfour" }] },
    { name: "no space after the colon, and only one removed", chunks: ["data:a\n\ndata:  b\n\n"], events: [{ data: "a" }, { data: " b" }] },
    { name: "comments and keep-alives skipped", chunks: [": hi\n\n:\n\ndata: a\n: inside\n\n"], events: [{ data: "a" }] },
    { name: "an event without data is not dispatched", chunks: ["event: ping\n\ndata: a\n\n"], events: [{ event: "message", data: "a" }] },
    { name: "an empty data field is dispatched", chunks: ["data\n\n"], events: [{ data: "" }] },
    { name: "event names", chunks: ["event: delta\ndata: a\n\ndata: b\n\n"], events: [{ event: "delta", data: "a" }, { event: "message", data: "b" }] },
    { name: "ids carry over; an id with NUL is ignored", chunks: ["id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000\ndata: c\n\nid\ndata: d\n\n"], events: [{ id: "1", data: "a" }, { id: "1", data: "b" }, { id: "1", data: "c" }, { id: "", data: "d" }] },
    { name: "retry with digits only", chunks: ["retry: 1500\ndata: a\n\nretry: 1.5\ndata: b\n\n"], events: [{ retry: 1500, data: "a" }, { data: "b" }] },
    { name: "unknown fields ignored", chunks: ["foo: bar\ndata: a\n\n"], events: [{ data: "a" }] },
    { name: "an event cut short by the end of the stream is discarded", chunks: ["data: a\n\ndata: b"], events: [{ data: "a" }] },
    { name: "a missing final newline after a whole event", chunks: ["data: a\n\ndata: b\n"], events: [{ data: "a" }] },
    { name: "one byte at a time", chunks: [..."event: x\r\ndata: a\r\n\r\n"], events: [{ event: "x", data: "a" }] },
  ];

  it.each(cases)("parses per WHATWG: $name", async ({ chunks, events, referenceDiffers }) => {
    const server = await startServer(chunked("text/event-stream", chunks, chunks.length > 1 ? { pause: 2 } : {}));
    const received = await collect((await streamingClient(server).tailLogs()).events());
    const expected = events.map((event) => ({ event: "message", id: undefined, retry: undefined, ...event }));
    expect(received).toEqual(expected);
    if (referenceDiffers) expect(received).not.toEqual(referenceParse(chunks));
    else expect(received).toEqual(referenceParse(chunks));
  });

  it("names how many events arrived when the connection breaks mid-stream", async () => {
    const server = await startServer(async (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(sse(chunk("a", "1")) + sse(chunk("a", "2")) + 'data: {"id": "a", "cho');
      await delay(20);
      response.socket?.destroy();
    });
    const stream = await streamingClient(server).createChatCompletion({ body: { prompt: "hi" } });
    const items: unknown[] = [];
    const error = await failureOf(
      (async () => {
        for await (const item of stream) items.push(item);
      })(),
    );
    expect(items).toHaveLength(2);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).items).toBe(2);
    expect((error as ConnectionError).message).toContain("stream broke after 2 items");
  });

  it("delivers 100,000 small events, in order", async () => {
    const count = 100_000;
    const server = await startServer(async (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      for (let start = 0; start < count; start += 1000) {
        let text = "";
        for (let n = start; n < start + 1000; n++) text += `data: ${n}\n\n`;
        if (!response.write(text)) await new Promise((resolve) => response.once("drain", resolve));
      }
      response.end();
    });
    let expected = 0;
    for await (const line of await streamingClient(server).tailLogs()) {
      if (line !== String(expected)) throw new Error(`event ${expected} was ${line}`);
      expected++;
    }
    expect(expected).toBe(count);
  });
});

/** eventsource-parser's reading of the same chunks, as the SDK reports events. */
function referenceParse(chunks: readonly string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  let retry: number | undefined;
  let lastId: string | undefined;
  const parser = createParser({
    onEvent: (message: EventSourceMessage) => {
      if (message.id !== undefined) lastId = message.id;
      events.push({ event: message.event ?? "message", data: message.data, id: lastId, retry });
      retry = undefined;
    },
    onRetry: (value) => (retry = value),
  });
  // The SDK's TextDecoder drops the BOM before its parser sees the text; eventsource-parser expects the same.
  for (const text of chunks) parser.feed(text.replace(/^\uFEFF/, ""));
  // It holds a final CR back, in case an LF follows; the end of the stream says none will.
  parser.reset({ consume: true });
  return events;
}

describe("JSON Lines and JSON text sequences", () => {
  const records = [
    { id: 1, name: "one" },
    { id: 2, name: "two" },
    { id: 3, name: "three" },
  ];

  it("yields each line as an item: CRLF, blank lines, a line split across chunks, no final newline", async () => {
    const body = `${JSON.stringify(records[0])}\r\n\n${JSON.stringify(records[1])}\n${JSON.stringify(records[2])}`;
    const server = await startServer(chunked("application/x-ndjson", [body.slice(0, 20), body.slice(20, 41), body.slice(41)], { pause: 5 }));
    const items = await (await streamingClient(server).exportRecords({ since: "2026-01-01" })).toArray();
    expect(items).toEqual(records);
    expect(server.requests[0]?.query.get("since")).toBe("2026-01-01");
  });

  it("decodes date-times of items in an SDK generated with dates: date", async () => {
    const server = await startServer(chunked("application/x-ndjson", ['{"id":1,"name":"a","createdAt":"2026-01-02T03:04:05Z"}\n']));
    const api = createDatesClient({ baseUrl: `${server.url}/v1`, logger: quiet });
    const [item] = await (await api.exportRecords()).toArray();
    expect(item?.createdAt).toBeInstanceOf(Date);
    expect(item?.createdAt?.toISOString()).toBe("2026-01-02T03:04:05.000Z");
  });

  it("reads OpenAPI 3.2 itemSchema streams: SSE, JSON Lines, an RS-separated JSON text sequence, and a QUERY request", async () => {
    const change = (seq: number) => ({ seq, kind: "created" });
    const server = await startServer(async (request, response) => {
      if (request.path === "/events") return chunked("text/event-stream", [sse(change(1)), sse(change(2))])(request, response, undefined as never);
      if (request.path === "/notices") return chunked("text/event-stream", ["event: notice\ndata: {not json}\n\n"])(request, response, undefined as never);
      if (request.path === "/changes.jsonl") return chunked("application/jsonl", [`${JSON.stringify(change(3))}\n`])(request, response, undefined as never);
      if (request.path === "/changes.seq") return chunked("application/json-seq", [`\x1e${JSON.stringify(change(4))}\n\x1e${JSON.stringify(change(5))}\n`])(request, response, undefined as never);
      return chunked("application/x-ndjson", [`${JSON.stringify({ seq: 6, kind: request.method })}\n`])(request, response, undefined as never);
    });
    const api = createFeedsClient({ baseUrl: server.url, logger: quiet });
    // 3.2's itemSchema describes whole events: the items are their data, JSON per its contentSchema, or text.
    expect(await (await api.streamEvents()).toArray()).toEqual([change(1), change(2)]);
    expect(await (await api.streamNotices()).toArray()).toEqual(["{not json}"]);
    expect(await (await api.listChanges()).toArray()).toEqual([change(3)]);
    expect(await (await api.listChangeSequence()).toArray()).toEqual([change(4), change(5)]);
    // The server answers with the method it saw: a QUERY request, whose item then fails validation strictly.
    const query = await api.searchChanges({ body: { text: "x" } }, { validate: "off" });
    expect(await query.toArray()).toEqual([{ seq: 6, kind: "QUERY" }]);
    expect(server.requests.at(-1)?.method).toBe("QUERY");
    expect(JSON.parse(server.requests.at(-1)?.body.toString() ?? "")).toEqual({ text: "x" });
  });
});

describe("SSE events typed per event name", () => {
  it("yields { event, data } items that narrow by event name; an event name the spec does not list passes, logged once", async () => {
    const body = [
      'event: delta\ndata: {"text":"Hel"}\n\n',
      'event: delta\ndata: {"text":"lo"}\n\n',
      "event: ping\ndata: {}\n\n",
      'event: done\ndata: {"reason":"stop"}\n\n',
    ];
    const server = await startServer(chunked("text/event-stream", body));
    const warnings: unknown[] = [];
    const api = createFeedsClient({ baseUrl: server.url, logger: { ...quiet, warn: (message: unknown) => warnings.push(message) } });
    let text = "";
    let reason = "";
    const events: string[] = [];
    for await (const item of await api.streamActivity()) {
      events.push(String(item.event));
      if (item.event === "delta") text += item.data.text;
      else if (item.event === "done") reason = item.data.reason;
    }
    expect({ text, reason, events }).toEqual({ text: "Hello", reason: "stop", events: ["delta", "delta", "ping", "done"] });
    expect(warnings).toEqual([expect.stringContaining("streamActivity: the response has a value the spec does not list")]);
  });

  it("fails strictly on an event whose data does not match its event's schema", async () => {
    const server = await startServer(chunked("text/event-stream", ['event: done\ndata: {"text":"not a reason"}\n\n']));
    const error = await failureOf((await createFeedsClient({ baseUrl: server.url, logger: quiet }).streamActivity()).toArray());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).body).toEqual({ event: "done", data: { text: "not a reason" } });
  });
});

describe("validation of items", () => {
  const body = `${JSON.stringify({ id: 1, name: "ok" })}\n${JSON.stringify({ id: "two" })}\n${JSON.stringify({ id: 3, name: "ok" })}\n`;

  it("strict: yields the valid items before an invalid one, then throws ResponseValidationError and closes the stream", async () => {
    const server = await startServer(chunked("application/x-ndjson", [body]));
    const stream = await streamingClient(server).exportRecords();
    const items: unknown[] = [];
    const error = await failureOf(
      (async () => {
        for await (const item of stream) items.push(item);
      })(),
    );
    expect(items).toEqual([{ id: 1, name: "ok" }]);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).body).toEqual({ id: "two" });
  });

  it("warn: logs the mismatch and yields every item", async () => {
    const server = await startServer(chunked("application/x-ndjson", [body]));
    const warnings: unknown[] = [];
    const api = streamingClient(server, { validate: "warn", logger: { ...quiet, warn: (message: unknown) => warnings.push(message) } });
    const items = await (await api.exportRecords()).toArray();
    expect(items).toHaveLength(3);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0])).toMatch(/item 2: .*does not match its schema/);
  });

  it("off: yields every item unchecked", async () => {
    const server = await startServer(chunked("application/x-ndjson", [body]));
    const items = await (await streamingClient(server).exportRecords({}, { validate: "off" })).toArray();
    expect(items).toEqual([{ id: 1, name: "ok" }, { id: "two" }, { id: 3, name: "ok" }]);
  });

  it("strict: an SSE event whose data is not JSON fails as such, without crashing the parser", async () => {
    const server = await startServer(chunked("text/event-stream", [sse(chunk("a", "1")), "data: oops\n\n"]));
    const error = await failureOf((await streamingClient(server).createChatCompletion({ body: { prompt: "hi" } })).toArray());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain("item 2 is not valid JSON");
  });
});

describe("closing, aborting and timeouts", () => {
  /** Sends one event every `every` ms until the client goes away; records whether it did. */
  function endless(every: number) {
    const state = { closed: false, sent: 0 };
    const handler: Handler = async (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      const seen = closedEarly(response);
      while (!response.destroyed && !seen.closed) {
        response.write(`data: ${state.sent++}\n\n`);
        await delay(every);
      }
      state.closed = seen.closed;
    };
    return { state, handler };
  }

  it("break closes the connection at once and frees the concurrency slot", async () => {
    const feed = endless(10);
    const server = await startServer(feed.handler);
    const api = streamingClient(server, { maxConcurrency: 1 });
    for await (const line of await api.tailLogs()) if (line === "2") break;
    await until(() => feed.state.closed);
    // The one slot is free again: a second stream starts.
    const second = await api.tailLogs();
    second.close();
    expect(server.requests).toHaveLength(2);
  });

  it("the caller's abort ends the loop with the signal's reason, closes the connection and frees the slot", async () => {
    const feed = endless(10);
    const server = await startServer(feed.handler);
    const api = streamingClient(server, { maxConcurrency: 1 });
    const controller = new AbortController();
    const reason = new Error("stop");
    const lines: string[] = [];
    const error = await failureOf(
      (async () => {
        for await (const line of await api.tailLogs({}, { signal: controller.signal })) {
          lines.push(line);
          if (lines.length === 3) controller.abort(reason);
        }
      })(),
    );
    expect(error).toBe(reason);
    expect(lines).toHaveLength(3);
    await until(() => feed.state.closed);
    (await api.tailLogs()).close();
  });

  it("fails with TimeoutError naming the items received when the stream goes idle past streamIdleTimeout", async () => {
    const server = await startServer(chunked("text/event-stream", ["data: 1\n\n", "data: 2\n\n", "data: 3\n\n"], { pause: 300 }));
    const stream = await streamingClient(server).tailLogs({}, { streamIdleTimeout: 100 });
    const lines: string[] = [];
    const error = await failureOf(
      (async () => {
        for await (const line of stream) lines.push(line);
      })(),
    );
    expect(lines).toEqual(["1"]);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).items).toBe(1);
    expect((error as TimeoutError).message).toContain("sent nothing for 100 ms after 1 item");
  });

  it("applies the client's timeout to the start and to each gap, not to the whole stream", async () => {
    const server = await startServer(chunked("text/event-stream", ["data: 1\n\n", "data: 2\n\n", "data: 3\n\n", "data: 4\n\n", "data: 5\n\n"], { pause: 60 }));
    const lines = await (await streamingClient(server, { timeout: 150 }).tailLogs()).toArray();
    expect(lines).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("can be read once, and offers its items as a JSON Lines byte stream", async () => {
    const server = await startServer(chunked("text/event-stream", ["data: a\n\n", "data: b\n\n"]));
    const stream = await streamingClient(server).tailLogs();
    const text = await new Response(stream.toReadableStream()).text();
    expect(text).toBe('"a"\n"b"\n');
    expect(() => stream[Symbol.asyncIterator]()).toThrow(SdkError);
  });
});

describe("resuming a Server-Sent Events stream", () => {
  const change = (seq: number) => ({ seq, kind: "created" });
  const event = (seq: number) => `id: ${seq}\ndata: ${JSON.stringify(change(seq))}\n\n`;
  const feedsClient = (server: TestServer, options: Parameters<typeof createFeedsClient>[0] = {}) => createFeedsClient({ baseUrl: server.url, logger: quiet, ...options });

  /**
   * Serves events 1..`total`, from the one after `Last-Event-ID`; each connection sends at most
   * `perConnection` whole events and half of the next, then drops.
   */
  function droppingFeed(total: number, perConnection: number, preamble = "") {
    return async (request: { headers: Record<string, string | string[] | undefined> }, response: ServerResponse) => {
      const after = Number(request.headers["last-event-id"] ?? 0);
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(preamble);
      const last = Math.min(total, after + perConnection);
      for (let seq = after + 1; seq <= last; seq++) response.write(event(seq));
      if (last === total) {
        response.end();
        return;
      }
      response.write(event(last + 1).slice(0, 12));
      await delay(10);
      response.socket?.destroy();
    };
  }

  it("reconnects with Last-Event-ID after the server's retry delay: every event once, in order", async () => {
    const arrivals: number[] = [];
    const feed = droppingFeed(7, 3, "retry: 120\n\n");
    const server = await startServer(async (request, response) => {
      arrivals.push(Date.now());
      await feed(request, response);
    });
    const items = await (await feedsClient(server).streamEvents()).toArray();
    expect(server.requests.map((request) => request.headers["last-event-id"])).toEqual([undefined, "3", "6"]);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7].map(change));
    expect(server.requests.map((request) => request.headers["last-event-id"])).toEqual([undefined, "3", "6"]);
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(110);
  });

  it("throws ConnectionError naming the events received once resumptions run out without progress", async () => {
    const server = await startServer(async (request, response) => {
      if (request.headers["last-event-id"] === undefined) return droppingFeed(10, 2, "retry: 5\n\n")(request, response);
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(": nothing new\n\n");
      await delay(5);
      response.socket?.destroy();
    });
    const stream = await feedsClient(server, { retry: { limit: 2 } }).streamEvents();
    const items: unknown[] = [];
    const error = await failureOf(
      (async () => {
        for await (const item of stream) items.push(item);
      })(),
    );
    expect(items).toEqual([change(1), change(2)]);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).items).toBe(2);
    expect(server.requests).toHaveLength(3);
  });

  it("resumes a POST the spec marks x-resumable, sending the same body again", async () => {
    const feed = droppingFeed(4, 2, "retry: 5\n\n");
    const server = await startServer((request, response) => feed(request, response));
    const items = await (await feedsClient(server).runJob({ body: { name: "build" } })).toArray();
    expect(items).toEqual([1, 2, 3, 4].map(change));
    expect(server.requests.map((request) => [request.method, request.headers["last-event-id"], request.body.toString()])).toEqual([
      ["POST", undefined, '{"name":"build"}'],
      ["POST", "2", '{"name":"build"}'],
    ]);
  });

  it("does not resume a stream that never sent an event ID, nor one of a POST", async () => {
    const server = await startServer(async (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(`data: ${JSON.stringify(change(1))}\n\n`);
      await delay(5);
      response.socket?.destroy();
    });
    const error = await failureOf((await feedsClient(server).streamEvents()).toArray());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);

    const posts = await startServer(droppingFeed(4, 2));
    const postError = await failureOf((await streamingClient(posts).createChatCompletion({ body: { prompt: "hi" } }, { validate: "off" })).toArray());
    expect(postError).toBeInstanceOf(ConnectionError);
    expect(posts.requests).toHaveLength(1);
  });
});

describe("request bodies of JSON items", () => {
  async function* produced(count: number, pause: number) {
    for (let id = 1; id <= count; id++) {
      await delay(pause);
      yield { id, name: `record ${id}` };
    }
  }

  it("streams an async iterable out as JSON Lines (chunked, as it is produced)", async () => {
    const server = await startServer((request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ imported: request.body.toString().trim().split("\n").length }));
    });
    const result = await streamingClient(server).importRecords({ body: produced(3, 20) });
    expect(result).toEqual({ imported: 3 });
    const request = server.requests[0];
    expect(request?.headers["content-type"]).toBe("application/x-ndjson");
    expect(request?.headers["transfer-encoding"]).toBe("chunked");
    expect(request?.body.toString()).toBe('{"id":1,"name":"record 1"}\n{"id":2,"name":"record 2"}\n{"id":3,"name":"record 3"}\n');
  });

  it("sends an array as one JSON Lines text, its items checked with validateRequests", async () => {
    const server = await startServer((request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ imported: request.body.toString().trim().split("\n").length }));
    });
    const api = streamingClient(server, { validateRequests: true });
    expect(await api.importRecords({ body: [{ id: 1, name: "a" }] })).toEqual({ imported: 1 });
    // @ts-expect-error: an item without its name
    const error = await failureOf(api.importRecords({ body: [{ id: 1, name: "a" }, { id: 2 }] }));
    expect((error as Error).message).toContain("body[1].name");
    expect(server.requests).toHaveLength(1);
  });
});

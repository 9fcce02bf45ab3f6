/**
 * The loopback server of the streaming benchmark, in its own process so that its CPU and memory
 * are not the client's. It serves the two streams of fixtures/streaming31.yaml under `/v1`:
 * - `POST /v1/chat/completions` → `events` small chat-completion chunks as Server-Sent Events,
 *   then `data: [DONE]` (what openai-node's `chat.completions.create({ stream: true })` reads);
 * - `GET /v1/exports/records` → `items` records as JSON Lines, or, with `?since=<bytes>` (the
 *   operation's one parameter, read here as a size), at least that many bytes of records, made up
 *   block by block as the client reads (never held whole, never on disk).
 * Writes follow backpressure. It listens on 127.0.0.1 only, prints `PORT <n>`, and exits when its
 * parent closes stdin.
 *   node bench/streaming-server.ts <events> <items>
 */
import { createServer, type ServerResponse } from "node:http";
import { serveAsChild } from "./child-server.ts";

const [eventsText = "100000", itemsText = "100000"] = process.argv.slice(2);
const EVENTS = Number(eventsText);
const ITEMS = Number(itemsText);
/** Distinct texts repeat with this period, so that the server writes prepared blocks. */
const PERIOD = 100;

const chunkEvent = (i: number): string =>
  `data: ${JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model: "gpt-4o-mini",
    choices: [{ index: 0, delta: { content: `token${i} ` }, finish_reason: null }],
  })}\n\n`;
const recordLine = (i: number): string => `${JSON.stringify({ id: i, name: `record ${i}`, createdAt: "2024-05-06T07:08:09Z" })}\n`;

const block = (line: (i: number) => string): Buffer => Buffer.from(Array.from({ length: PERIOD }, (_, i) => line(i)).join(""));
const EVENT_BLOCK = block(chunkEvent);
const RECORD_BLOCK = block(recordLine);

/** Writes `count` whole units of `PERIOD`-line blocks (and `rest` lines), then `tail`, with backpressure. */
function pump(res: ServerResponse, blocks: number, whole: Buffer, rest: string, tail: string): void {
  let left = blocks;
  const write = (): void => {
    while (left > 0) {
      left--;
      if (!res.write(whole)) {
        res.once("drain", write);
        return;
      }
    }
    res.end(rest + tail);
  };
  write();
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (req.method === "POST" && url.pathname === "/v1/chat/completions") {
    req.resume();
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const rest = Array.from({ length: EVENTS % PERIOD }, (_, i) => chunkEvent(i)).join("");
    pump(res, Math.floor(EVENTS / PERIOD), EVENT_BLOCK, rest, "data: [DONE]\n\n");
    return;
  }
  if (req.method === "GET" && url.pathname === "/v1/exports/records") {
    res.writeHead(200, { "content-type": "application/x-ndjson" });
    const since = url.searchParams.get("since");
    if (since !== null) {
      pump(res, Math.ceil(Number(since) / RECORD_BLOCK.length), RECORD_BLOCK, "", "");
      return;
    }
    const rest = Array.from({ length: ITEMS % PERIOD }, (_, i) => recordLine(i)).join("");
    pump(res, Math.floor(ITEMS / PERIOD), RECORD_BLOCK, rest, "");
    return;
  }
  res.writeHead(404, { "content-type": "application/json" });
  res.end('{"message":"not found"}');
});
serveAsChild(server);

/**
 * One fresh process per (client, stream) of the streaming benchmark; run by streaming.ts:
 *   node --expose-gc bench/streaming-child.ts <client> <sse|jsonl|jsonl-rss> <port> <count> <rounds> <sdk index.js> <openai dir>
 * Clients: `fetch` (JSON Lines memory floor: plain fetch counting line ends), `gen-client-off` / `gen-client-strict` (the SDK generated from fixtures/streaming31.yaml,
 * `validate: "off"` / `"strict"`) and `openai` (openai-node: for SSE its own client's
 * `chat.completions.create({ stream: true })`; for JSON Lines its `Stream.fromReadableStream` over a
 * plain fetch, the part of openai-node that reads newline-delimited JSON).
 * - `sse` / `jsonl`: after a warm-up stream, reads `rounds` streams of `count` items, one after the
 *   other, and prints the median over them of the client process's CPU per item (process.cpuUsage,
 *   user + system) and of items per wall second: one stream is under a second of CPU, which a busy
 *   machine swings by tens of percent.
 * - `jsonl-rss`: reads a JSON Lines stream of `count` bytes, sampling RSS, and prints the peak RSS
 *   growth over the RSS just before it (after the warm-up and a GC).
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { median } from "./stats.ts";

const [client = "", kind = "sse", portText = "0", countText = "0", roundsText = "1", sdkEntry = "", openaiDir = ""] = process.argv.slice(2);
const count = Number(countText);
const rounds = Number(roundsText);
const base = `http://127.0.0.1:${portText}/v1`;

/** Opens one stream and counts its items; `since` asks the server for that many bytes of JSON Lines. */
type Consume = (since?: number) => Promise<number>;

async function countItems(items: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of items) n++;
  return n;
}

async function makeConsumer(): Promise<Consume> {
  if (client === "fetch") {
    // The floor for the memory figure: the same bytes through plain fetch, counting line ends.
    return async (since) => {
      const response = await fetch(`${base}/exports/records${since === undefined ? "" : `?since=${since}`}`);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return lines;
        for (let at = value.indexOf(0x0a); at !== -1; at = value.indexOf(0x0a, at + 1)) lines++;
      }
    };
  }
  if (client === "openai") {
    const importOpenai = async (file: string): Promise<Record<string, unknown>> =>
      (await import(pathToFileURL(join(openaiDir, file)).href)) as Record<string, unknown>;
    if (kind === "sse") {
      const OpenAI = (await importOpenai("index.mjs"))["default"] as new (options: object) => {
        chat: { completions: { create(body: object): Promise<AsyncIterable<unknown>> } };
      };
      const openai = new OpenAI({ baseURL: base, apiKey: "bench", maxRetries: 0 });
      return async () =>
        countItems(await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }], stream: true }));
    }
    const Stream = (await importOpenai("core/streaming.mjs"))["Stream"] as {
      fromReadableStream(body: ReadableStream, controller: AbortController): AsyncIterable<unknown>;
    };
    return async (since) => {
      const response = await fetch(`${base}/exports/records${since === undefined ? "" : `?since=${since}`}`);
      if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
      return countItems(Stream.fromReadableStream(response.body, new AbortController()));
    };
  }
  const sdk = (await import(pathToFileURL(sdkEntry).href)) as Record<string, unknown>;
  const createClient = sdk["createClient"] as (options: object) => {
    createChatCompletion(args: object): Promise<AsyncIterable<unknown>>;
    exportRecords(args?: object): Promise<AsyncIterable<unknown>>;
  };
  const api = createClient({ baseUrl: base, validate: client === "gen-client-off" ? "off" : "strict" });
  if (kind === "sse") return async () => countItems(await api.createChatCompletion({ body: { prompt: "hi", stream: true } }));
  return async (since) => countItems(await api.exportRecords(since === undefined ? {} : { since: String(since) }));
}

const consume = await makeConsumer();
// Warm-up: one whole stream, so that the measured one runs optimised code.
await consume(kind === "jsonl-rss" ? 4 * 2 ** 20 : undefined);
(globalThis as { gc?: () => void }).gc?.();
await new Promise((resolve) => setTimeout(resolve, 50));

if (kind === "jsonl-rss") {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const t0 = performance.now();
  const items = await consume(count);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024);
  process.stdout.write(`${JSON.stringify({ client, kind, items, seconds, rssBeforeMiB: before / 2 ** 20, peakRssMiB: peak / 2 ** 20, deltaMiB: (peak - before) / 2 ** 20 })}\n`);
} else {
  const cpuUs: number[] = [];
  const perSec: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const items = await consume();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    if (items !== count) throw new Error(`${client} ${kind}: read ${items} items, the server sent ${count}`);
    cpuUs.push((cpu.user + cpu.system) / items);
    perSec.push(items / seconds);
  }
  process.stdout.write(`${JSON.stringify({ client, kind, items: count, rounds, cpuUsPerItem: median(cpuUs), itemsPerSec: median(perSec), cpuUsPerItemRounds: cpuUs.map((us) => Math.round(us * 100) / 100) })}\n`);
}

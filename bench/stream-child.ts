/**
 * One fresh process downloads `size` bytes from the loopback server and prints the peak RSS growth
 * over the RSS measured just before the download (after imports, client creation and a 1 MiB
 * warm-up download). Modes:
 * - `gen-client`: the SDK's binary endpoint, reading the returned Response's body stream;
 * - `fetch`: plain fetch reading the body stream (the floor);
 * - `gen-client-buffered`: the SDK, then `response.arrayBuffer()` — a control that shows the
 *   measurement does see a body held in memory.
 *   node bench/stream-child.ts <mode> <port> <size> <compiled index.js>
 */
import { pathToFileURL } from "node:url";

const [mode = "gen-client", portText = "0", sizeText = "0", entry = ""] = process.argv.slice(2);
const size = Number(sizeText);
const base = `http://127.0.0.1:${portText}`;

type Download = (bytes: number) => Promise<Response>;
let download: Download;
if (mode === "fetch") {
  download = (bytes) => fetch(`${base}/files/f1?size=${bytes}`);
} else {
  const sdk = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  const createClient = sdk["createClient"] as (options: object) => { downloadFile(args: object): Promise<Response> };
  const api = createClient({ baseUrl: base });
  download = (bytes) => api.downloadFile({ fileId: "f1", size: bytes });
}

async function drain(response: Response): Promise<number> {
  if (mode === "gen-client-buffered") return (await response.arrayBuffer()).byteLength;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return total;
    total += value.byteLength;
  }
}

await drain(await download(1024 * 1024)); // warm-up
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
await new Promise((resolve) => setTimeout(resolve, 50));
const before = process.memoryUsage.rss();
let peak = before;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 2);
const t0 = performance.now();
const received = await drain(await download(size));
const seconds = (performance.now() - t0) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024);
if (received !== size) throw new Error(`received ${received} bytes, expected ${size}`);
process.stdout.write(
  `${JSON.stringify({ mode, bytes: received, seconds, rssBeforeMiB: before / 2 ** 20, peakRssMiB: peak / 2 ** 20, deltaMiB: (peak - before) / 2 ** 20 })}\n`,
);

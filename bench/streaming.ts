/**
 * Streaming APIs (#21): the SDK generated from fixtures/streaming31.yaml beside openai-node, over
 * the same loopback server (bench/streaming-server.ts, its own process):
 * - CPU per item (the client process only) and items per second, reading `events` small
 *   chat-completion chunks as Server-Sent Events, and as many records as JSON Lines; gen-client with
 *   `validate: "off"` and `"strict"`, openai-node's own client and `Stream`. Fresh process per
 *   (client, stream), alternating, `repeats` times, each reading `rounds` streams; medians.
 * - Added peak RSS while the SDK (strict, its default) reads a `rssMiB` MiB JSON Lines stream that
 *   the server makes up as it goes; plain fetch over the same bytes is the floor.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { compileSdk } from "./compile.ts";
import { outDir, resetDir } from "./generators.ts";
import { BENCH_DIR, GEN_CLIENT_BIN, NODE, ROOT } from "./paths.ts";
import { peerModule } from "./peers.ts";
import { startServer } from "./perf-sdks.ts";
import { median } from "./stats.ts";

export const STREAMING_CLIENTS = ["gen-client-off", "gen-client-strict", "openai"] as const;
export type StreamingClient = (typeof STREAMING_CLIENTS)[number];
export const STREAM_KINDS = ["sse", "jsonl"] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];
export const RSS_CLIENTS = ["gen-client-strict", "fetch"] as const;
export type RssClient = (typeof RSS_CLIENTS)[number];

export const STREAMING_FIXTURE = "fixtures/streaming31.yaml";

export interface ItemFigures {
  /** Median CPU microseconds per item, client process only. */
  readonly cpuUsPerItem: number;
  /** Median items per wall second. */
  readonly itemsPerSec: number;
}

export interface RssFigures {
  readonly deltaMiB: number;
  readonly peakRssMiB: number;
  readonly items: number;
  readonly seconds: number;
}

export interface StreamingResult {
  readonly items: number;
  readonly repeats: number;
  readonly rounds: number;
  readonly rssMiB: number;
  /** figures[kind][client] */
  readonly figures: Record<StreamKind, Partial<Record<StreamingClient, ItemFigures>>>;
  readonly rss: Partial<Record<RssClient, RssFigures>>;
  readonly failures: string[];
}

interface ChildLine {
  readonly items: number;
  readonly seconds?: number;
  readonly cpuUsPerItem?: number;
  readonly itemsPerSec?: number;
  readonly deltaMiB?: number;
  readonly peakRssMiB?: number;
}

export async function runStreaming(options: { items: number; repeats: number; rounds: number; rssMiB: number }, log: (line: string) => void): Promise<StreamingResult> {
  const failures: string[] = [];
  const out = outDir("gen-client", "streaming");
  resetDir(out);
  const gen = spawnSync(NODE, [GEN_CLIENT_BIN, STREAMING_FIXTURE, "--out", out, "-q"], { cwd: ROOT, encoding: "utf8", timeout: 300_000 });
  if (gen.status !== 0) throw new Error(`gen-client failed on ${STREAMING_FIXTURE}: ${`${gen.stdout}${gen.stderr}`.slice(0, 500)}`);
  const sdkEntry = join(compileSdk(out, "streaming-gen-client"), "index.js");
  const openaiDir = peerModule("openai");
  const server = await startServer("streaming-server.ts", [String(options.items), String(options.items)]);
  const runChild = (client: string, kind: string, count: number, rounds: number): ChildLine | undefined => {
    const child = spawnSync(
      NODE,
      ["--expose-gc", join(BENCH_DIR, "streaming-child.ts"), client, kind, String(server.port), String(count), String(rounds), sdkEntry, openaiDir],
      { encoding: "utf8", timeout: 600_000 },
    );
    const line = (child.stdout ?? "").trim().split("\n").pop() ?? "";
    if (child.status !== 0 || !line.startsWith("{")) {
      failures.push(`${kind}/${client}: ${(child.stderr ?? "").trim().split("\n").slice(-3).join(" | ").slice(0, 300)}`);
      return undefined;
    }
    log(`streaming ${kind}/${client}: ${line}`);
    return JSON.parse(line) as ChildLine;
  };
  const samples: Record<string, ChildLine[]> = {};
  const rss: StreamingResult["rss"] = {};
  try {
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      for (const kind of STREAM_KINDS) {
        for (const client of STREAMING_CLIENTS) {
          const line = runChild(client, kind, options.items, options.rounds);
          if (line !== undefined) (samples[`${kind}/${client}`] ??= []).push(line);
        }
      }
    }
    for (const client of RSS_CLIENTS) {
      const line = runChild(client, "jsonl-rss", options.rssMiB * 2 ** 20, 1);
      if (line !== undefined) rss[client] = { deltaMiB: line.deltaMiB ?? Number.NaN, peakRssMiB: line.peakRssMiB ?? Number.NaN, items: line.items, seconds: line.seconds ?? Number.NaN };
    }
  } finally {
    server.stop();
  }
  const figures: StreamingResult["figures"] = { sse: {}, jsonl: {} };
  for (const kind of STREAM_KINDS) {
    for (const client of STREAMING_CLIENTS) {
      const lines = samples[`${kind}/${client}`] ?? [];
      if (lines.length === 0) continue;
      figures[kind][client] = {
        cpuUsPerItem: median(lines.map((l) => l.cpuUsPerItem ?? Number.NaN)),
        itemsPerSec: median(lines.map((l) => l.itemsPerSec ?? Number.NaN)),
      };
    }
  }
  return { items: options.items, repeats: options.repeats, rounds: options.rounds, rssMiB: options.rssMiB, figures, rss, failures: [...new Set(failures)] };
}

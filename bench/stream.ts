/**
 * Streaming: a 200 MiB binary download through the SDK's binary endpoint (bench spec, loopback
 * server in its own process), peak RSS growth during the download. Plain fetch gives the floor, and
 * a buffered read (`arrayBuffer()`) is a control showing the measurement catches a held body.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { BENCH_DIR, COMPILED_DIR, NODE } from "./paths.ts";
import { preparePerfSdks, startServer } from "./perf-sdks.ts";
import { median } from "./stats.ts";

export const STREAM_MODES = ["gen-client", "fetch", "gen-client-buffered"] as const;
export type StreamMode = (typeof STREAM_MODES)[number];

export interface StreamFigures {
  readonly deltaMiB: number;
  readonly peakRssMiB: number;
  readonly seconds: number;
}

export interface StreamResult {
  readonly sizeMiB: number;
  readonly runs: number;
  readonly figures: Partial<Record<StreamMode, StreamFigures>>;
  readonly failures: string[];
}

export async function runStream(runs: number, log: (line: string) => void, sizeMiB = 200): Promise<StreamResult> {
  const sdks = preparePerfSdks(log);
  const failures: string[] = [...sdks.notes];
  const modes = STREAM_MODES.filter((m) => m === "fetch" || sdks.genClient);
  const entry = join(COMPILED_DIR, "perf-gen-client", "index.js");
  const server = await startServer();
  const samples: Record<string, { delta: number[]; peak: number[]; seconds: number[] }> = {};
  try {
    for (let run = 0; run < runs; run++) {
      for (const mode of modes) {
        const child = spawnSync(
          NODE,
          ["--expose-gc", join(BENCH_DIR, "stream-child.ts"), mode, String(server.port), String(sizeMiB * 2 ** 20), entry],
          { encoding: "utf8", timeout: 300_000 },
        );
        const line = (child.stdout ?? "").trim().split("\n").pop() ?? "";
        if (child.status !== 0 || !line.startsWith("{")) {
          failures.push(`${mode}: ${(child.stderr ?? "").trim().split("\n").slice(-3).join(" | ").slice(0, 300)}`);
          continue;
        }
        const parsed = JSON.parse(line) as { deltaMiB: number; peakRssMiB: number; seconds: number };
        const s = (samples[mode] ??= { delta: [], peak: [], seconds: [] });
        s.delta.push(parsed.deltaMiB);
        s.peak.push(parsed.peakRssMiB);
        s.seconds.push(parsed.seconds);
        log(`stream ${mode} #${run + 1}: +${parsed.deltaMiB.toFixed(1)} MiB peak RSS, ${parsed.seconds.toFixed(2)} s`);
      }
    }
  } finally {
    server.stop();
  }
  const figures: StreamResult["figures"] = {};
  for (const [mode, s] of Object.entries(samples)) {
    figures[mode as StreamMode] = { deltaMiB: median(s.delta), peakRssMiB: median(s.peak), seconds: median(s.seconds) };
  }
  return { sizeMiB, runs, figures, failures: [...new Set(failures)] };
}

/**
 * Per-call overhead: `GET /items` (a 100-object JSON list) through plain fetch, plain ky, plain ky
 * in a process that has imported the gen-client SDK (a control), the gen-client SDK with
 * validation off and strict, and hey-api's SDK without and with zod validation.
 * Two transports: an in-process fetch stub (pure client cost) and a node:http server on 127.0.0.1
 * in its own process. Each (client, transport) runs in a fresh process; the clients alternate,
 * `repeats` times over, and each figure is the median.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { BENCH_DIR, NODE } from "./paths.ts";
import { preparePerfSdks, startServer } from "./perf-sdks.ts";
import { median } from "./stats.ts";

export const RUNTIME_CLIENTS = ["fetch", "ky", "ky-sdk-loaded", "gen-client-off", "gen-client-strict", "hey-api", "hey-api-zod"] as const;
export type RuntimeClient = (typeof RUNTIME_CLIENTS)[number];
export type Transport = "stub" | "loopback";
export type Mode = "sequential" | "concurrent16";

export interface CallFigures {
  /** Median wall microseconds per call (at 16 concurrent: elapsed / calls). */
  readonly wallUs: number;
  /** Median CPU microseconds per call, client process only. */
  readonly cpuUs: number;
}

export interface RuntimeResult {
  readonly calls: number;
  readonly rounds: number;
  readonly repeats: number;
  /** results[transport][mode][client] */
  readonly results: Record<Transport, Record<Mode, Partial<Record<RuntimeClient, CallFigures>>>>;
  readonly failures: string[];
  readonly notes: string[];
}

interface ChildLine {
  readonly sequential: CallFigures;
  readonly concurrent16: CallFigures;
}

export async function runRuntime(options: { repeats: number; calls: number; rounds: number }, log: (line: string) => void): Promise<RuntimeResult> {
  const sdks = preparePerfSdks(log);
  const needs: Partial<Record<RuntimeClient, boolean>> = {
    "ky-sdk-loaded": sdks.genClient,
    "gen-client-off": sdks.genClient,
    "gen-client-strict": sdks.genClient,
    "hey-api": sdks.heyApi,
    "hey-api-zod": sdks.heyApiZod,
  };
  const available = RUNTIME_CLIENTS.filter((c) => needs[c] ?? true);
  const server = await startServer();
  const failures: string[] = [];
  const raw: Record<string, ChildLine[]> = {};
  try {
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      for (const transport of ["stub", "loopback"] as const) {
        for (const client of available) {
          const child = spawnSync(
            NODE,
            [join(BENCH_DIR, "runtime-child.ts"), client, transport, String(server.port), String(options.calls), String(options.rounds)],
            { encoding: "utf8", timeout: 300_000 },
          );
          const key = `${transport}/${client}`;
          const line = (child.stdout ?? "").trim().split("\n").pop() ?? "";
          if (child.status !== 0 || !line.startsWith("{")) {
            failures.push(`${key}: ${(child.stderr ?? "").trim().split("\n").slice(-3).join(" | ").slice(0, 300)}`);
            continue;
          }
          (raw[key] ??= []).push(JSON.parse(line) as ChildLine);
          log(`runtime ${key} #${repeat + 1}: ${line}`);
        }
      }
    }
  } finally {
    server.stop();
  }
  const results: RuntimeResult["results"] = {
    stub: { sequential: {}, concurrent16: {} },
    loopback: { sequential: {}, concurrent16: {} },
  };
  for (const transport of ["stub", "loopback"] as const) {
    for (const mode of ["sequential", "concurrent16"] as const) {
      for (const client of available) {
        const lines = raw[`${transport}/${client}`] ?? [];
        if (lines.length === 0) continue;
        results[transport][mode][client] = {
          wallUs: median(lines.map((l) => l[mode].wallUs)),
          cpuUs: median(lines.map((l) => l[mode].cpuUs)),
        };
      }
    }
  }
  return { calls: options.calls, rounds: options.rounds, repeats: options.repeats, results, failures: [...new Set(failures)], notes: sdks.notes };
}

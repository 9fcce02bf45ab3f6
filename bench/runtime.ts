/**
 * Per-call overhead: `GET /items` (a 100-object JSON list) through plain fetch, plain ky, plain ky
 * in a process that has imported the gen-client SDK (a control), the gen-client SDK with
 * validation off and strict, and hey-api's SDK without and with zod validation.
 * Two transports: an in-process fetch stub (pure client cost) and a node:http server on 127.0.0.1
 * in its own process. Each (client, transport) runs in a fresh process; the clients alternate,
 * `repeats` times over, and each figure is the median.
 *
 * A control runs plain ky and gen-client (validation off) on the stub once more, with V8's
 * allocation-site pretenuring off. In-process, V8 used to decide in some of the SDK's processes
 * (which ones swung from run to run) to allocate the state records of the stub's response-body
 * streams in old space; the control shows the per-call cost without that decision, should it
 * come back.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { BENCH_DIR, NODE } from "./paths.ts";
import { preparePerfSdks, startServer } from "./perf-sdks.ts";
import { median } from "./stats.ts";

export const RUNTIME_CLIENTS = ["fetch", "ky", "ky-sdk-loaded", "ky-zod", "gen-client-off", "gen-client-strict", "hey-api", "hey-api-zod"] as const;
export type RuntimeClient = (typeof RUNTIME_CLIENTS)[number];
export type Transport = "stub" | "loopback";
export type Mode = "sequential" | "concurrent16";

/** The clients of the pretenuring control, and the V8 flag it runs them with. */
const PRETENURING_CONTROL_CLIENTS = ["ky", "gen-client-off"] as const satisfies readonly RuntimeClient[];
const NO_PRETENURING = "--no-allocation-site-pretenuring";
/** The key prefix of the control's processes, as `${transport}` is of the others'. */
const CONTROL = "stub-no-pretenuring";

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
  /** The in-process stub with V8's allocation-site pretenuring off: pretenuringOff[mode][client]. */
  readonly pretenuringOff: Record<Mode, Partial<Record<RuntimeClient, CallFigures>>>;
  /** CPU µs/call of each process, by `${transport}/${client}` and mode, in run order: the spread the medians hide. */
  readonly perProcessCpuUs: Record<string, Record<Mode, number[]>>;
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
    "ky-zod": sdks.genClient,
    "gen-client-off": sdks.genClient,
    "gen-client-strict": sdks.genClient,
    "hey-api": sdks.heyApi,
    "hey-api-zod": sdks.heyApiZod,
  };
  const available = RUNTIME_CLIENTS.filter((c) => needs[c] ?? true);
  const server = await startServer();
  const failures: string[] = [];
  const raw: Record<string, ChildLine[]> = {};
  const runChild = (client: RuntimeClient, transport: Transport, key: string, flags: readonly string[], repeat: number): void => {
    const child = spawnSync(
      NODE,
      [...flags, join(BENCH_DIR, "runtime-child.ts"), client, transport, String(server.port), String(options.calls), String(options.rounds)],
      { encoding: "utf8", timeout: 300_000 },
    );
    const line = (child.stdout ?? "").trim().split("\n").pop() ?? "";
    if (child.status !== 0 || !line.startsWith("{")) {
      failures.push(`${key}: ${(child.stderr ?? "").trim().split("\n").slice(-3).join(" | ").slice(0, 300)}`);
      return;
    }
    (raw[key] ??= []).push(JSON.parse(line) as ChildLine);
    log(`runtime ${key} #${repeat + 1}: ${line}`);
  };
  try {
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      for (const transport of ["stub", "loopback"] as const) {
        for (const client of available) runChild(client, transport, `${transport}/${client}`, [], repeat);
      }
      for (const client of PRETENURING_CONTROL_CLIENTS) {
        if (available.includes(client)) runChild(client, "stub", `${CONTROL}/${client}`, [NO_PRETENURING], repeat);
      }
    }
  } finally {
    server.stop();
  }
  const figures = (key: string, mode: Mode): CallFigures | undefined => {
    const lines = raw[key] ?? [];
    if (lines.length === 0) return undefined;
    return { wallUs: median(lines.map((l) => l[mode].wallUs)), cpuUs: median(lines.map((l) => l[mode].cpuUs)) };
  };
  const byMode = (keyOf: (client: RuntimeClient) => string, clients: readonly RuntimeClient[]): Record<Mode, Partial<Record<RuntimeClient, CallFigures>>> => {
    const out: Record<Mode, Partial<Record<RuntimeClient, CallFigures>>> = { sequential: {}, concurrent16: {} };
    for (const mode of ["sequential", "concurrent16"] as const) {
      for (const client of clients) {
        const f = figures(keyOf(client), mode);
        if (f !== undefined) out[mode][client] = f;
      }
    }
    return out;
  };
  const results: RuntimeResult["results"] = {
    stub: byMode((client) => `stub/${client}`, available),
    loopback: byMode((client) => `loopback/${client}`, available),
  };
  const pretenuringOff = byMode((client) => `${CONTROL}/${client}`, PRETENURING_CONTROL_CLIENTS);
  const perProcessCpuUs: RuntimeResult["perProcessCpuUs"] = {};
  for (const [key, lines] of Object.entries(raw)) {
    perProcessCpuUs[key] = { sequential: lines.map((l) => l.sequential.cpuUs), concurrent16: lines.map((l) => l.concurrent16.cpuUs) };
  }
  return { calls: options.calls, rounds: options.rounds, repeats: options.repeats, results, pretenuringOff, perProcessCpuUs, failures: [...new Set(failures)], notes: sdks.notes };
}

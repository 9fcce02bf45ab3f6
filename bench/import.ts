/**
 * Start-up cost: a fresh `node` process imports ky and zod (baseline), or ky, zod, then the compiled
 * GitHub SDK and creates a client. The figure for the goal is the in-process time of the SDK step
 * (import + createClient, after ky and zod are loaded); the whole-process wall/CPU/RSS deltas are
 * reported too. hey-api's GitHub SDK (with zod) is measured the same way, for comparison.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { compileSdk } from "./compile.ts";
import { GENERATORS, outDir, resetDir } from "./generators.ts";
import { measure } from "./measure.ts";
import { BENCH_DIR, NODE } from "./paths.ts";
import type { Spec } from "./specs.ts";
import { median } from "./stats.ts";

export interface ImportFigures {
  /** In-process ms for importing ky + zod. */
  readonly kyZodMs: number;
  /** In-process ms for importing the SDK and creating a client, after ky + zod. */
  readonly sdkMs: number;
  readonly processWallSec: number;
  readonly processCpuSec: number;
  readonly peakRssMiB: number;
}

export interface ImportResult {
  readonly runs: number;
  readonly spec: string;
  readonly figures: Partial<Record<"baseline" | "gen-client" | "hey-api-zod", ImportFigures>>;
  readonly failures: string[];
}

export async function runImport(github: Spec, runs: number, log: (line: string) => void): Promise<ImportResult> {
  const failures: string[] = [];
  const entries: { kind: "baseline" | "gen-client" | "hey-api-zod"; entry: string }[] = [{ kind: "baseline", entry: "" }];
  const genOut = outDir("gen-client", github.id);
  {
    // Always from the current build (not timed): a run of `--only import` must not measure the
    // SDK an earlier run left in bench/.work/out.
    const gen = GENERATORS.find((g) => g.id === "gen-client");
    if (gen !== undefined) {
      resetDir(genOut);
      const inv = gen.prepare(github.file, genOut, github.id);
      await measure(inv.command, inv.args, { cwd: inv.cwd, timeoutSec: 600, label: "import-prepare-gen-client" });
    }
  }
  try {
    entries.push({ kind: "gen-client", entry: join(compileSdk(genOut, `${github.id}-gen-client`), "index.js") });
  } catch (error) {
    failures.push(`gen-client: ${(error as Error).message.slice(0, 300)}`);
  }
  const heyOut = outDir("hey-api-zod", github.id);
  if (existsSync(join(heyOut, "index.ts"))) {
    try {
      entries.push({ kind: "hey-api-zod", entry: join(compileSdk(heyOut, `${github.id}-hey-api-zod`), "index.js") });
    } catch (error) {
      failures.push(`hey-api-zod: ${(error as Error).message.slice(0, 300)}`);
    }
  } else {
    failures.push("hey-api-zod: no generated GitHub SDK in bench/.work/out (run the generation part first); not measured");
  }
  const samples: Record<string, { kyZodMs: number[]; sdkMs: number[]; wall: number[]; cpu: number[]; rss: number[] }> = {};
  for (let run = 0; run < runs; run++) {
    for (const { kind, entry } of entries) {
      const m = await measure(NODE, [join(BENCH_DIR, "import-child.ts"), kind === "hey-api-zod" ? "hey-api" : kind, entry], {
        timeoutSec: 120,
        label: `import-${kind}`,
      });
      const line = m.output.trim().split("\n").pop() ?? "";
      if (!m.ok || !line.startsWith("{")) {
        failures.push(`${kind}: exit ${String(m.exitCode)}: ${m.output.trim().split("\n").slice(-2).join(" | ").slice(0, 300)}`);
        continue;
      }
      const parsed = JSON.parse(line) as { kyZodMs: number; sdkMs: number };
      const s = (samples[kind] ??= { kyZodMs: [], sdkMs: [], wall: [], cpu: [], rss: [] });
      s.kyZodMs.push(parsed.kyZodMs);
      s.sdkMs.push(parsed.sdkMs);
      s.wall.push(m.wallSec);
      s.cpu.push(m.cpuSec);
      s.rss.push(m.peakRssMiB);
      log(`import ${kind} #${run + 1}: ky+zod ${parsed.kyZodMs.toFixed(1)} ms, sdk ${parsed.sdkMs.toFixed(1)} ms, process ${m.wallSec}s wall`);
    }
  }
  const figures: ImportResult["figures"] = {};
  for (const [kind, s] of Object.entries(samples)) {
    figures[kind as "baseline"] = {
      kyZodMs: median(s.kyZodMs),
      sdkMs: median(s.sdkMs),
      processWallSec: median(s.wall),
      processCpuSec: median(s.cpu),
      peakRssMiB: median(s.rss),
    };
  }
  return { runs, spec: github.id, figures, failures: [...new Set(failures)] };
}

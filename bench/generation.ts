/**
 * Generation: every generator on every spec, `runs` times, alternating generators (the order rotates
 * each run), each in a fresh process under GNU time with a per-run timeout. A generator that fails
 * or times out on a spec is not run again on it. Medians of CPU, wall and peak RSS; the size of the
 * last output.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { GENERATORS, outDir, resetDir, type GeneratorId } from "./generators.ts";
import { measure, tail } from "./measure.ts";
import type { Spec, SpecId } from "./specs.ts";
import { median } from "./stats.ts";

export interface GenerationFigures {
  readonly status: "ok" | "failed" | "timeout";
  readonly runs: number;
  readonly cpuSec: number;
  readonly wallSec: number;
  readonly peakRssMiB: number;
  /** All .ts files written (what a user commits), bytes. */
  readonly codeBytes: number;
  readonly files: number;
  /** Every file written, README included. */
  readonly totalBytes: number;
  readonly samples: { cpuSec: number; wallSec: number; peakRssMiB: number }[];
  readonly error?: string;
}

export type GenerationResult = Partial<Record<SpecId, Partial<Record<GeneratorId, GenerationFigures>>>>;

export function folderSize(dir: string): { codeBytes: number; files: number; totalBytes: number } {
  let codeBytes = 0;
  let files = 0;
  let totalBytes = 0;
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) {
        const size = statSync(p).size;
        totalBytes += size;
        files++;
        if (/\.(ts|js|mjs)$/.test(entry.name)) codeBytes += size;
      }
    }
  };
  try {
    walk(dir);
  } catch {
    // no output
  }
  return { codeBytes, files, totalBytes };
}

export async function runGeneration(
  specs: readonly Spec[],
  options: { runs: number; timeoutSec: number; generators: readonly GeneratorId[] },
  log: (line: string) => void,
): Promise<GenerationResult> {
  const result: GenerationResult = {};
  const generators = GENERATORS.filter((g) => options.generators.includes(g.id));
  for (const spec of specs) {
    const samples: Partial<Record<GeneratorId, GenerationFigures["samples"]>> = {};
    const failed: Partial<Record<GeneratorId, { status: "failed" | "timeout"; error: string }>> = {};
    for (let run = 0; run < options.runs; run++) {
      const order = generators.map((_, i) => generators[(i + run) % generators.length]!);
      for (const generator of order) {
        if (failed[generator.id] !== undefined) continue;
        const out = outDir(generator.id, spec.id);
        resetDir(out);
        const inv = generator.prepare(spec.file, out, spec.id);
        const m = await measure(inv.command, inv.args, {
          cwd: inv.cwd,
          timeoutSec: options.timeoutSec,
          label: `generate-${generator.id}-${spec.id}-${run + 1}`,
        });
        if (!m.ok) {
          const status = m.timedOut ? "timeout" : "failed";
          const error = m.timedOut ? `timed out after ${options.timeoutSec} s` : `exit ${String(m.exitCode)}: ${tail(m.output)} (log: ${m.log})`;
          failed[generator.id] = { status, error };
          log(`generate ${spec.id} ${generator.id} #${run + 1}: ${status.toUpperCase()} ${error}`);
          continue;
        }
        (samples[generator.id] ??= []).push({ cpuSec: m.cpuSec, wallSec: m.wallSec, peakRssMiB: m.peakRssMiB });
        log(`generate ${spec.id} ${generator.id} #${run + 1}: ${m.cpuSec.toFixed(2)} s CPU, ${m.wallSec.toFixed(2)} s wall, ${m.peakRssMiB.toFixed(0)} MiB`);
      }
    }
    const perSpec: Partial<Record<GeneratorId, GenerationFigures>> = {};
    for (const generator of generators) {
      const s = samples[generator.id] ?? [];
      const failure = failed[generator.id];
      const size = failure === undefined ? folderSize(outDir(generator.id, spec.id)) : { codeBytes: Number.NaN, files: 0, totalBytes: Number.NaN };
      perSpec[generator.id] = {
        status: failure?.status ?? "ok",
        runs: s.length,
        cpuSec: median(s.map((x) => x.cpuSec)),
        wallSec: median(s.map((x) => x.wallSec)),
        peakRssMiB: median(s.map((x) => x.peakRssMiB)),
        ...size,
        samples: s,
        ...(failure === undefined ? {} : { error: failure.error }),
      };
    }
    result[spec.id] = perSpec;
  }
  return result;
}

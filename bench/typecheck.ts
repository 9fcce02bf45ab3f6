/**
 * Type-checking the generated SDKs: `tsc --noEmit -p` with TypeScript 5.9 (tsc) and TypeScript 7
 * (native), on each generator's last output, `runs` times alternating, each under GNU time.
 * Every output gets the same tsconfig (strict, skipLibCheck, Bundler resolution, DOM lib); zod and ky
 * resolve from the project's node_modules. Type errors do not stop the timing (tsc still checked
 * everything) but are counted and shown.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { outDir, type GeneratorId } from "./generators.ts";
import { measure, tail } from "./measure.ts";
import { NODE, ROOT, TSC59, TSC7 } from "./paths.ts";
import type { Spec, SpecId } from "./specs.ts";
import { median } from "./stats.ts";

export type TscId = "ts5.9" | "ts7";

export const TSCS: readonly { id: TscId; bin: string }[] = [
  { id: "ts5.9", bin: TSC59 },
  { id: "ts7", bin: TSC7 },
];

export interface TypecheckFigures {
  readonly status: "ok" | "type errors" | "failed" | "timeout";
  readonly runs: number;
  readonly cpuSec: number;
  readonly wallSec: number;
  readonly peakRssMiB: number;
  readonly errors: number;
  readonly note?: string;
}

export type TypecheckResult = Partial<Record<SpecId, Partial<Record<GeneratorId, Partial<Record<TscId, TypecheckFigures>>>>>>;

export const BENCH_TSCONFIG = {
  compilerOptions: {
    target: "ES2023",
    lib: ["ES2023", "DOM", "DOM.Iterable"],
    module: "ESNext",
    moduleResolution: "Bundler",
    types: [],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ["**/*.ts"],
};

export async function runTypecheck(
  specs: readonly Spec[],
  options: { runs: number; timeoutSec: number; generators: readonly GeneratorId[] },
  log: (line: string) => void,
): Promise<TypecheckResult> {
  const result: TypecheckResult = {};
  for (const spec of specs) {
    const targets = options.generators.filter((g) => existsSync(outDir(g, spec.id)) && hasTs(outDir(g, spec.id)));
    for (const g of targets) writeFileSync(join(outDir(g, spec.id), "tsconfig.bench.json"), JSON.stringify(BENCH_TSCONFIG, null, 2));
    const samples: Record<string, { cpu: number[]; wall: number[]; rss: number[]; errors: number; status: TypecheckFigures["status"]; note?: string }> = {};
    for (let run = 0; run < options.runs; run++) {
      for (const tsc of TSCS) {
        const order = targets.map((_, i) => targets[(i + run) % targets.length]!);
        for (const g of order) {
          const key = `${g}/${tsc.id}`;
          const s = (samples[key] ??= { cpu: [], wall: [], rss: [], errors: 0, status: "ok" });
          if (s.status === "failed" || s.status === "timeout") continue;
          const m = await measure(NODE, [tsc.bin, "-p", join(outDir(g, spec.id), "tsconfig.bench.json")], {
            cwd: ROOT,
            timeoutSec: options.timeoutSec,
            label: `typecheck-${spec.id}-${g}-${tsc.id}-${run + 1}`,
          });
          const errors = (m.output.match(/error TS\d+/g) ?? []).length;
          if (m.timedOut) {
            s.status = "timeout";
            s.note = `timed out after ${options.timeoutSec} s`;
          } else if (!m.ok && errors === 0) {
            s.status = "failed";
            s.note = `exit ${String(m.exitCode)}: ${tail(m.output)}`;
          } else {
            if (errors > 0) {
              s.status = "type errors";
              s.errors = errors;
              const first = m.output.split("\n").find((l) => /error TS\d+/.test(l)) ?? "";
              s.note = `first error: ${first.replace(/^.*bench\/\.work\/out\/[^/]+\/[^/]+\//, "").slice(0, 220)}`;
            }
            s.cpu.push(m.cpuSec);
            s.wall.push(m.wallSec);
            s.rss.push(m.peakRssMiB);
          }
          log(`typecheck ${spec.id} ${g} ${tsc.id} #${run + 1}: ${m.cpuSec.toFixed(2)} s CPU, ${m.wallSec.toFixed(2)} s wall, ${m.peakRssMiB.toFixed(0)} MiB${errors > 0 ? `, ${errors} errors` : ""}${m.timedOut ? ", TIMEOUT" : ""}`);
        }
      }
    }
    const perSpec: Partial<Record<GeneratorId, Partial<Record<TscId, TypecheckFigures>>>> = {};
    for (const g of targets) {
      const perGen: Partial<Record<TscId, TypecheckFigures>> = {};
      for (const tsc of TSCS) {
        const s = samples[`${g}/${tsc.id}`];
        if (s === undefined) continue;
        perGen[tsc.id] = {
          status: s.status,
          runs: s.cpu.length,
          cpuSec: median(s.cpu),
          wallSec: median(s.wall),
          peakRssMiB: median(s.rss),
          errors: s.errors,
          ...(s.note === undefined ? {} : { note: s.note }),
        };
      }
      perSpec[g] = perGen;
    }
    result[spec.id] = perSpec;
  }
  return result;
}

function hasTs(dir: string): boolean {
  return existsSync(join(dir, "index.ts")) || existsSync(join(dir, "schema.ts")) || existsSync(join(dir, "api.ts"));
}

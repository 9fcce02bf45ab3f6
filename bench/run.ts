/**
 * `npm run bench` — gen-client's performance benchmark against its peers.
 *
 *   npm run bench                          full run: Petstore, Stripe, GitHub; every part
 *   npm run bench -- --quick               Petstore + Stripe, 1 run each, short runtime rounds
 *   npm run bench -- --only generation,typecheck,runtime,import,stream,streaming,bundle
 *   npm run bench -- --only streaming --jsonl-mib 256   the streaming part, a smaller JSON Lines stream
 *   npm run bench -- --runs 5 --tsc-runs 3 --timeout 600 --specs petstore,github
 *   npm run bench -- --wait-idle 900      first wait (up to 900 s) for the 1-minute load to drop
 *
 * Progress goes to stderr; the markdown report goes to stdout. A full run (all parts, all specs,
 * not quick) writes bench/results/latest.json and bench/RESULTS.md; other runs write
 * bench/.work/results-partial.json (or --json PATH) so that committed results are not clobbered.
 * Peers and specs are installed with npm into bench/.work (git-ignored). Timings are never asserted
 * in `npm test`: this only measures and reports.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { evaluateGoals } from "./goals.ts";
import { runGeneration, type GenerationResult } from "./generation.ts";
import { GENERATORS } from "./generators.ts";
import { runImport, type ImportResult } from "./import.ts";
import { machineInfo, toolVersions } from "./machine.ts";
import { checkTimeTool } from "./measure.ts";
import { BENCH_DIR, RESULTS_DIR, WORK } from "./paths.ts";
import { installPeers, SKIPPED_PEERS } from "./peers.ts";
import { renderMarkdown, type BenchResults } from "./report.ts";
import { runRuntime, type RuntimeResult } from "./runtime.ts";
import { installSpecs, spec, type Spec, type SpecId } from "./specs.ts";
import { runBundle, type BundleResult } from "./bundle.ts";
import { runStream, type StreamResult } from "./stream.ts";
import { runStreaming, type StreamingResult } from "./streaming.ts";
import { runTypecheck, type TypecheckResult } from "./typecheck.ts";

const PARTS = ["generation", "typecheck", "runtime", "import", "stream", "streaming", "bundle"] as const;
type Part = (typeof PARTS)[number];
const ALL_SPECS: readonly SpecId[] = ["petstore", "stripe", "github"];

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    runs: { type: "string" },
    "tsc-runs": { type: "string" },
    timeout: { type: "string", default: "600" },
    specs: { type: "string" },
    json: { type: "string" },
    "wait-idle": { type: "string", default: "0" },
    "jsonl-mib": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
  allowPositionals: false,
});

if (values.help) {
  process.stdout.write(
    "usage: npm run bench -- [--quick] [--only generation,typecheck,runtime,import,stream,streaming,bundle] [--runs N] [--tsc-runs N] [--timeout SECONDS] [--specs petstore,stripe,github] [--json PATH] [--wait-idle SECONDS] [--jsonl-mib MIB]\n",
  );
  process.exit(0);
}

const started = performance.now();
const log = (line: string): void => {
  const t = ((performance.now() - started) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[bench ${t}s] ${line}\n`);
};

const quick = values.quick;
const parts: Part[] = values.only === undefined ? [...PARTS] : (values.only.split(",").map((p) => p.trim()) as Part[]);
for (const part of parts) if (!PARTS.includes(part)) throw new Error(`--only: unknown part "${part}" (parts: ${PARTS.join(", ")})`);
const specIds: SpecId[] = values.specs !== undefined ? (values.specs.split(",").map((s) => s.trim()) as SpecId[]) : quick ? ["petstore", "stripe"] : [...ALL_SPECS];
for (const id of specIds) if (!ALL_SPECS.includes(id)) throw new Error(`--specs: unknown spec "${id}" (specs: ${ALL_SPECS.join(", ")})`);
const runs = Number(values.runs ?? (quick ? 1 : 5));
const typecheckRuns = Number(values["tsc-runs"] ?? (quick ? 1 : 3));
const timeoutSec = Number(values.timeout);
const full = !quick && values.only === undefined && values.specs === undefined;

checkTimeTool();
// Timings are only as good as the machine is quiet: optionally wait (bounded) for other work to end.
const waitIdleSec = Number(values["wait-idle"]);
if (waitIdleSec > 0) {
  const limit = Math.max(0.5, machineInfo().cores / 4);
  const until = Date.now() + waitIdleSec * 1000;
  while ((loadavg()[0] ?? 0) > limit && Date.now() < until) {
    log(`waiting for the machine to be idle: 1-minute load ${(loadavg()[0] ?? 0).toFixed(2)} > ${limit}`);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
}
if (parts.length > 0) {
  log("checking pinned peers and specs in bench/.work");
  installPeers(log);
  installSpecs(log);
}
const specs: Spec[] = specIds.map((id) => spec(id));
const notes: string[] = [
  ...SKIPPED_PEERS.map((p) => `${p.name}: ${p.reason}.`),
  "gen-client has no separate formatter pass: it prints prettier-formatted code directly (prettier's layout algorithm is used while emitting), so there is no formatter time to split out.",
  "orval 8.38.0 is installed with `@scalar/openapi-parser` overridden to 0.29.8 (inside its ^0.29.2 range): the newest 0.29.x needs a `@scalar/openapi-validator` version the npm registry reachable here does not serve.",
];

let generation: GenerationResult | undefined;
let typecheck: TypecheckResult | undefined;
let runtime: RuntimeResult | undefined;
let imports: ImportResult | undefined;
let stream: StreamResult | undefined;
let streaming: StreamingResult | undefined;
let bundle: BundleResult | undefined;
const generatorIds = GENERATORS.map((g) => g.id);
const partLoads: string[] = [];
const markLoad = (part: string): void => {
  partLoads.push(`${part} ${(loadavg()[0] ?? Number.NaN).toFixed(2)}`);
};

if (parts.includes("generation")) {
  markLoad("generation");
  log(`generation: ${specs.map((s) => s.id).join(", ")} × ${generatorIds.join(", ")}, ${runs} run(s) each`);
  generation = await runGeneration(specs, { runs, timeoutSec, generators: generatorIds }, log);
}
if (parts.includes("typecheck")) {
  markLoad("typecheck");
  if (generation === undefined) notes.push("typecheck ran on the outputs left in bench/.work/out by an earlier generation run.");
  log(`typecheck: ${typecheckRuns} run(s) with TypeScript 5.9 and 7`);
  typecheck = await runTypecheck(specs, { runs: typecheckRuns, timeoutSec, generators: generatorIds }, log);
}
if (parts.includes("import")) {
  markLoad("import");
  const importSpec = specs.find((s) => s.id === "github") ?? specs[specs.length - 1];
  if (importSpec !== undefined) {
    if (importSpec.id !== "github") notes.push(`import was measured on the ${importSpec.title} SDK (GitHub not in this run): the 50 ms goal is not evaluated.`);
    log(`import: ${importSpec.id} SDK`);
    imports = await runImport(importSpec, quick ? 3 : 9, log);
  }
}
if (parts.includes("runtime")) {
  markLoad("runtime");
  log("runtime: per-call overhead");
  runtime = await runRuntime(quick ? { repeats: 1, calls: 300, rounds: 3 } : { repeats: 3, calls: 2000, rounds: 5 }, log);
}
if (parts.includes("stream")) {
  markLoad("stream");
  log("stream: 200 MiB download");
  stream = await runStream(quick ? 1 : 3, log);
}
if (parts.includes("streaming")) {
  markLoad("streaming");
  const jsonlMiB = Number(values["jsonl-mib"] ?? (quick ? 256 : 1024));
  log(`streaming: SSE and JSON Lines vs openai-node; ${jsonlMiB} MiB JSON Lines`);
  streaming = await runStreaming(quick ? { items: 20_000, repeats: 1, rounds: 3, rssMiB: jsonlMiB } : { items: 100_000, repeats: 3, rounds: 5, rssMiB: jsonlMiB }, log);
}
if (parts.includes("bundle")) {
  markLoad("bundle");
  log("bundle: browser bundles of apps calling GitHub operations");
  bundle = await runBundle(spec("github"), log);
}

markLoad("end");
notes.push(`1-minute load average at the start of each part (${machineInfo().cores} cores): ${partLoads.join(", ")}.`);

const goals = evaluateGoals({
  ...(generation === undefined ? {} : { generation }),
  ...(typecheck === undefined ? {} : { typecheck }),
  ...(runtime === undefined ? {} : { runtime }),
  ...(imports === undefined ? {} : { imports }),
  ...(stream === undefined ? {} : { stream }),
  ...(streaming === undefined ? {} : { streaming }),
  ...(bundle === undefined ? {} : { bundle }),
});
const results: BenchResults = {
  machine: machineInfo(),
  versions: toolVersions(),
  options: {
    quick,
    parts,
    runs,
    typecheckRuns,
    timeoutSec,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
  },
  specs,
  durationSec: (performance.now() - started) / 1000,
  ...(generation === undefined ? {} : { generation }),
  ...(typecheck === undefined ? {} : { typecheck }),
  ...(runtime === undefined ? {} : { runtime }),
  ...(imports === undefined ? {} : { imports }),
  ...(stream === undefined ? {} : { stream }),
  ...(streaming === undefined ? {} : { streaming }),
  ...(bundle === undefined ? {} : { bundle }),
  goals,
  notes,
};
const markdown = renderMarkdown(results);
const jsonFile = values.json ?? (full ? join(RESULTS_DIR, "latest.json") : join(WORK, "results-partial.json"));
mkdirSync(dirname(jsonFile), { recursive: true });
// Spec paths point into bench/.work; keep the committed JSON free of machine-local paths.
writeFileSync(jsonFile, `${JSON.stringify(results, (key, value: unknown) => (key === "file" || key === "log" ? undefined : value), 2)}\n`);
if (full) writeFileSync(join(BENCH_DIR, "RESULTS.md"), `${markdown}\n`);
process.stdout.write(`${markdown}\n`);
log(`results written to ${jsonFile}${full ? " and bench/RESULTS.md" : ""}`);

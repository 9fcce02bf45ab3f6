/**
 * `npm run corpus` — gen-client on a seeded, stratified sample of real-world specs.
 *
 *   npm run corpus                               300 specs, seed 1; records corpus/results/latest.json and corpus/RESULTS.md
 *   npm run corpus -- --size 40 --seed 7         a smaller or different sample (recorded in corpus/.work/ only)
 *   npm run corpus -- --only github,stripe.com   only these ids of the sample
 *   npm run corpus -- --record                   record a non-default run anyway
 *   options: --timeout SECONDS (generation, 120) --tsc-timeout SECONDS (900) --jobs N (2) --batch N (20)
 *   npm run corpus -- --all                      every spec, resuming; corpus/RESULTS-all.md (see all.ts)
 *     with --fresh (start over), --retry-failed, --limit N (this many more), --report (rebuild the report only)
 *
 * Each spec (materialised into corpus/.work/sample/ from pinned npm packages, see sample.ts) is run
 * through the CLI as a child process (`node bin/gen-client.js <spec> --out corpus/.work/out/<id> -q`,
 * from a copy of the build taken at the start, so a concurrent rebuild cannot mix versions) with a
 * time limit; every SDK that was written is type-checked with TypeScript 7 under the strict
 * options of corpus/typecheck.ts. A spec passes when it generates and its SDK compiles. Failures are
 * classed `crash` (internal error, exit 70, or killed), `gen-error` (exit 1: the generator rejected
 * the spec, with its message), `timeout`, or `tsc` (with the most frequent TS error code).
 * Progress goes to stderr; the tables and the closing `N passed, M failed` line go to stdout.
 * It is not part of `npm test` (it takes a while). It runs the CLI from dist/: `npm run build` first.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runAll } from "./all.ts";
import { generateOne, snapshotGenerator, type GenOutcome } from "./generate.ts";
import { CORPUS_DIR, GEN_CLIENT_BIN, OUT_DIR, RESULTS_DIR, ROOT, TSC7, WORK } from "./paths.ts";
import { mapPool } from "./pool.ts";
import { normalise, renderMarkdown, renderTerminal, type CorpusResult, type SpecResult } from "./report.ts";
import { materialiseSample, type SampledSpec } from "./sample.ts";
import { hasOutput, prepareOutRoot, typecheckAll, type TscOutcome } from "./typecheck.ts";

const DEFAULT_SIZE = 300;
const DEFAULT_SEED = "1";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: String(DEFAULT_SIZE) },
    seed: { type: "string", default: DEFAULT_SEED },
    only: { type: "string" },
    timeout: { type: "string", default: "120" },
    "tsc-timeout": { type: "string", default: "900" },
    jobs: { type: "string", default: "2" },
    batch: { type: "string", default: "20" },
    record: { type: "boolean", default: false },
    all: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    "retry-failed": { type: "boolean", default: false },
    limit: { type: "string" },
    report: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
  allowPositionals: false,
});

if (values.help) {
  process.stdout.write(
    "usage: npm run corpus -- [--size N] [--seed S] [--only id,id] [--timeout SECONDS] [--tsc-timeout SECONDS] [--jobs N] [--batch N] [--record]\n" +
      "       npm run corpus -- --all [--fresh] [--retry-failed] [--limit N] [--only id,id] [--report] [--timeout SECONDS] [--tsc-timeout SECONDS] [--jobs N]\n",
  );
  process.exit(0);
}

const started = performance.now();
const log = (line: string): void => {
  const t = ((performance.now() - started) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[corpus ${t}s] ${line}\n`);
};

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not "${value}"`);
  return n;
}

const size = positive("size", values.size);
const seed = values.seed;
const timeoutSec = positive("timeout", values.timeout);
const tscTimeoutSec = positive("tsc-timeout", values["tsc-timeout"]);
const jobs = positive("jobs", values.jobs);
const batchSize = positive("batch", values.batch);
const only = values.only?.split(",").map((s) => s.trim()).filter((s) => s !== "");
const record = values.record || (size === DEFAULT_SIZE && seed === DEFAULT_SEED && only === undefined);

for (const [what, file] of [
  ["the CLI's build (run `npm run build`)", join(ROOT, "dist", "generator", "cli.js")],
  ["bin/gen-client.js", GEN_CLIENT_BIN],
  ["TypeScript 7 (typescript7)", TSC7],
] as const) {
  if (!existsSync(file)) {
    process.stderr.write(`corpus: ${what} is missing: ${file}\n`);
    process.exit(2);
  }
}

function git(args: readonly string[]): string {
  const r = spawnSync("git", [...args], { cwd: ROOT, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "";
}

/**
 * One run at a time: a run replaces the build snapshot (corpus/.work/gen-client) and the shared
 * output folders that another run may be using.
 */
function lockWork(): void {
  const file = join(WORK, "run.pid");
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, "utf8"));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      // The process that wrote the lock is gone.
    }
    if (alive) {
      process.stderr.write(`corpus: another run (pid ${pid}) is using ${WORK}; wait for it, or stop it\n`);
      process.exit(2);
    }
  }
  mkdirSync(WORK, { recursive: true });
  writeFileSync(file, String(process.pid));
  process.on("exit", () => rmSync(file, { force: true }));
}

if (!(values.all && values.report)) lockWork();

if (values.all) {
  const limit = values.limit === undefined ? undefined : positive("limit", values.limit);
  const code = await runAll({
    jobs,
    timeoutSec,
    tscTimeoutSec,
    fresh: values.fresh,
    retryFailed: values["retry-failed"],
    reportOnly: values.report,
    ...(limit !== undefined && { limit }),
    ...(only !== undefined && { only }),
    commit: `${git(["rev-parse", "--short", "HEAD"]) || "unknown"}${git(["status", "--porcelain", "--", "generator", "runtime", "templates"]) === "" ? "" : " with uncommitted changes"}`,
    log,
  });
  process.exit(code);
}

const snapshot = snapshotGenerator();
// What was measured: the commit and uncommitted sources as the build was copied (others may commit during a run).
const commit = git(["rev-parse", "--short", "HEAD"]) || "unknown";
const uncommitted = git(["status", "--porcelain", "--", "generator", "runtime", "templates"]).split("\n").filter((l) => l.trim() !== "").map((l) => l.slice(3));
log(`generator: a snapshot of the build of ${snapshot.builtAt} in ${snapshot.bin}`);
if (snapshot.staleBuild) log("WARNING: generator/ has sources newer than dist/: run `npm run build` to measure them");
const sample = materialiseSample(size, seed, log);
const specs: SampledSpec[] = only === undefined ? [...sample.specs] : sample.specs.filter((s) => only.includes(s.id));
if (only !== undefined) {
  const missing = only.filter((id) => !specs.some((s) => s.id === id));
  if (missing.length > 0) {
    process.stderr.write(`corpus: --only: not in this sample (see corpus/.work/sample.json): ${missing.join(", ")}\n`);
    process.exit(2);
  }
}
log(`sample: ${specs.length} specs (size ${size}, seed ${seed}) of ${sample.population}`);

prepareOutRoot();
let done = 0;
const gen: GenOutcome[] = await mapPool(specs, jobs, async (spec) => {
  const outcome = await generateOne(spec, snapshot.bin, timeoutSec);
  done++;
  const note = outcome.status === "ok" ? "" : `: ${outcome.message.slice(0, 160)}`;
  log(`gen ${String(done).padStart(3)}/${specs.length} ${spec.id} (${spec.version}, ${spec.bucket}): ${outcome.status} in ${outcome.seconds.toFixed(1)} s${note}`);
  return outcome;
});

const generated = specs.filter((s, i) => gen[i]!.status === "ok" && hasOutput(s.folder)).map((s) => s.folder);
const tsc: Map<string, TscOutcome> = await typecheckAll(generated, { batchSize, jobs, timeoutSec: tscTimeoutSec }, log);

const results: SpecResult[] = specs.map((spec, i) => {
  const g = gen[i]!;
  const base = { id: spec.id, source: spec.source, version: spec.version, bucket: spec.bucket, bytes: spec.bytes, genSeconds: g.seconds };
  if (g.status !== "ok") return { ...base, status: "failed", class: g.status, group: g.status === "timeout" ? "timeout" : normalise(g.message), detail: g.message };
  const counts = { ...(g.operations !== undefined && { operations: g.operations }), ...(g.schemas !== undefined && { schemas: g.schemas }) };
  const t = tsc.get(spec.folder) ?? { status: "failed", message: "not type-checked" };
  if (t.status === "ok") return { ...base, ...counts, status: "passed" };
  if (t.status === "errors") {
    const where = t.top.file === "" ? "" : `${t.top.file}:${t.top.line}:${t.top.column} `;
    return {
      ...base,
      ...counts,
      status: "failed",
      class: "tsc",
      group: `${t.top.code}${t.inRuntimeOnly ? " (runtime/)" : ""}`,
      detail: `${where}${t.top.message}`.slice(0, 300),
      tscErrors: t.count,
    };
  }
  return { ...base, ...counts, status: "failed", class: "tsc", group: t.status, detail: t.message };
});

const passed = results.filter((r) => r.status === "passed").length;
const result: CorpusResult = {
  date: new Date().toISOString(),
  size,
  seed,
  population: sample.population,
  commit,
  uncommitted,
  builtAt: snapshot.builtAt,
  staleBuild: snapshot.staleBuild,
  timeoutSec,
  seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  passed,
  failed: results.length - passed,
  specs: results,
};

const json = `${JSON.stringify(result, null, 1)}\n`;
const markdown = renderMarkdown(result);
if (record) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, "latest.json"), json);
  writeFileSync(join(CORPUS_DIR, "RESULTS.md"), markdown);
  log("wrote corpus/results/latest.json and corpus/RESULTS.md");
} else {
  const base = join(WORK, `results-${size}-${seed}${only === undefined ? "" : "-only"}`);
  writeFileSync(`${base}.json`, json);
  writeFileSync(`${base}.md`, markdown);
  log(`wrote ${base}.json and .md (not recorded: pass --record, or run the default size and seed)`);
}
log(`SDKs and logs are in ${OUT_DIR} and ${join(WORK, "logs")}`);
process.stdout.write(renderTerminal(result));
process.exitCode = result.failed === 0 ? 0 : 1;

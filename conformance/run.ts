/**
 * `npm run conformance` — every fixture and a seeded sample of real specs, each through a generated
 * SDK against Stoplight Prism's mock (see conformance/README.md).
 *
 *   npm run conformance                           fixtures + sample; records conformance/results/latest.json and RESULTS.md
 *   npm run conformance -- --fixtures-only        the fixtures alone (not recorded)
 *   npm run conformance -- --only github,stripe.com
 *   options: --per-version N (10) --seed S (1) --stripe-paths N (150) --github-tags a,b (issues,reactions,pulls,gists,git,users)
 *            --jobs N (2: specs run at once, each with its own Prism)
 *
 * Build first (`npm run build`): SDKs are generated with dist/generator. The last line on stdout is
 * `N passed, M failed`. Exit status: 0 when nothing failed, 1 otherwise, 2 when the harness could not run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { GENERATOR_INDEX, PRISM_BIN, RESULTS_DIR, ROOT, WORK, CONFORMANCE_DIR } from "./paths.ts";
import { isFailure, renderMarkdown, summarise } from "./report.ts";
import { inPool } from "./pool.ts";
import { runSpec, type SpecRun } from "./run-spec.ts";
import { fixtureSpecs, realSpecs, type Selected } from "./select.ts";
import { allowTsImports } from "./ts-imports.ts";

const { values } = parseArgs({
  options: {
    "fixtures-only": { type: "boolean", default: false },
    only: { type: "string" },
    "per-version": { type: "string", default: "10" },
    seed: { type: "string", default: "1" },
    "stripe-paths": { type: "string", default: "150" },
    "github-tags": { type: "string", default: "issues,reactions,pulls,gists,git,users" },
    jobs: { type: "string", default: "2" },
  },
});

const started = performance.now();
const log = (line: string): void => {
  process.stderr.write(`[conformance ${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);
};

for (const [what, file] of [
  ["the generator's build (run `npm run build`)", GENERATOR_INDEX],
  ["Prism (`npm ci` installs @stoplight/prism-cli)", PRISM_BIN],
] as const) {
  if (!existsSync(file)) {
    process.stderr.write(`conformance: ${what} is missing: ${file}\n`);
    process.exit(2);
  }
}
allowTsImports();

let specs: Selected[] = fixtureSpecs();
if (!values["fixtures-only"]) {
  specs.push(
    ...realSpecs(
      { perVersion: Number(values["per-version"]), seed: values.seed, stripePaths: Number(values["stripe-paths"]), githubTags: values["github-tags"].split(",") },
      log,
    ),
  );
}
const only = values.only?.split(",");
if (only !== undefined) specs = specs.filter((s) => only.includes(s.id));
const record = !values["fixtures-only"] && only === undefined;

mkdirSync(WORK, { recursive: true });
const runs = await Promise.all(
  inPool(specs, Number(values.jobs), async (spec): Promise<SpecRun & { kind: Selected["kind"]; note?: string }> => {
    const run = await runSpec(spec, WORK, log).catch((error: unknown): SpecRun => {
      return { id: spec.id, operations: 0, calls: [], prismStartMs: 0, generateMs: 0, callMs: 0, error: `harness: ${error instanceof Error ? error.message : String(error)}` };
    });
    log(`${spec.id}: ${run.error ?? `${run.calls.length} calls in ${(run.callMs / 1000).toFixed(1)} s, ${run.calls.filter(isFailure).length} failing`}`);
    return { ...run, kind: spec.kind, ...(spec.note !== undefined && { note: spec.note }) };
  }),
);

const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim() || "unknown";
const result = summarise(runs, commit, (performance.now() - started) / 1000);
const markdown = renderMarkdown(result);
const [jsonFile, mdFile] = record ? [join(RESULTS_DIR, "latest.json"), join(CONFORMANCE_DIR, "RESULTS.md")] : [join(WORK, "results.json"), join(WORK, "RESULTS.md")];
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(mdFile, markdown);
for (const s of result.specs) process.stdout.write(`${s.id.padEnd(40)} ${s.error ?? JSON.stringify(s.counts)}\n`);
process.stdout.write(`wrote ${mdFile}\n${result.passed} passed, ${result.failed} failed\n`);
process.exit(result.failed === 0 ? 0 : 1);

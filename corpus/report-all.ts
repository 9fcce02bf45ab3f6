/** The full run's report (corpus/RESULTS-all.md): outcome, failure classes, warnings by code, time and memory. */
import type { WarningCounts } from "./generate.ts";
import { FAILURE_CLASSES, type SpecResult } from "./report.ts";
import { BUCKETS, VERSIONS } from "./sample.ts";

export interface Resources {
  /** Wall-clock seconds. */
  readonly seconds: number;
  readonly cpuSeconds?: number;
  readonly maxRssMiB?: number;
}

export interface AllRecord extends Omit<SpecResult, "genSeconds"> {
  /** The commit and build that produced this record (a resumed run may span builds). */
  readonly build: string;
  readonly gen: Resources;
  readonly tsc?: Resources;
  readonly warnings: WarningCounts;
}

/** Whether a spec is investigated by the issue's yardstick: over 10 s of CPU or 1 GiB. */
const CPU_LIMIT = 10;
const RSS_LIMIT_MIB = 1024;

const cpuOf = (r: AllRecord): number => (r.gen.cpuSeconds ?? 0) + (r.tsc?.cpuSeconds ?? 0);
const rssOf = (r: AllRecord): number => Math.max(r.gen.maxRssMiB ?? 0, r.tsc?.maxRssMiB ?? 0);
const warningCount = (r: AllRecord): number => Object.values(r.warnings).reduce((n, w) => n + w.count, 0);

function mdTable(rows: readonly (readonly string[])[]): string {
  const esc = (s: string): string => s.replaceAll("|", "\\|").replaceAll("\n", " ");
  const [head, ...body] = rows;
  return [`| ${head!.map(esc).join(" | ")} |`, `| ${head!.map(() => "---").join(" | ")} |`, ...body.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}

function size(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

function pct(n: number, of: number): string {
  return of === 0 ? "n/a" : `${((100 * n) / of).toFixed(1)}%`;
}

function resourceRow(r: AllRecord): string[] {
  const fmt = (x: Resources | undefined): string => (x === undefined ? "–" : `${(x.cpuSeconds ?? x.seconds).toFixed(1)} s, ${x.maxRssMiB ?? "?"} MiB`);
  return [r.id, size(r.bytes), `${r.operations ?? "?"} / ${r.schemas ?? "?"}`, fmt(r.gen), fmt(r.tsc), `${cpuOf(r).toFixed(1)} s`, `${rssOf(r)} MiB`, r.status];
}

export function renderAllMarkdown(records: readonly AllRecord[], population: number): string {
  const passed = records.filter((r) => r.status === "passed");
  const failed = records.filter((r) => r.status === "failed");
  const degraded = passed.filter((r) => warningCount(r) > 0);
  const perBuild = new Map<string, number>();
  for (const r of records) perBuild.set(r.build, (perBuild.get(r.build) ?? 0) + 1);
  const builds = [...perBuild].sort(([a], [b]) => a.localeCompare(b)).map(([build, n]) => `${build}: ${n} specs`);
  const partial = records.length < population;
  const out: string[] = [];
  out.push("# Real-world corpus: every spec", "");
  out.push("Written by `npm run corpus -- --all` (see corpus/README.md); one line per spec in `corpus/results/all.jsonl`. Do not edit by hand.", "");
  out.push(
    mdTable([
      ["", ""],
      ["specs run", `${records.length} of ${population}${partial ? ` (**partial**: finish with \`npm run build && npm run corpus -- --all\`, which resumes)` : ""}`],
      ["result", `**${passed.length} passed, ${failed.length} failed** (${pct(passed.length, records.length)})`],
      ["degraded", `${degraded.length} of the passed specs generated with warnings (${degraded.reduce((n, r) => n + warningCount(r), 0)} warnings)`],
      ["gen-client", builds.join("; ")],
      ["time", `${(records.reduce((n, r) => n + cpuOf(r), 0) / 60).toFixed(1)} min of CPU (generation + tsc) in all`],
    ]),
  );

  out.push("", "## By version and size", "");
  const rows: string[][] = [["version", "size", "run", "passed", "degraded", "failed"]];
  for (const v of VERSIONS) {
    for (const b of BUCKETS) {
      const in_ = records.filter((r) => r.version === v && r.bucket === b);
      if (in_.length === 0) continue;
      const ok = in_.filter((r) => r.status === "passed");
      rows.push([v, b, String(in_.length), String(ok.length), String(ok.filter((r) => warningCount(r) > 0).length), String(in_.length - ok.length)]);
    }
  }
  out.push(mdTable(rows));

  out.push("", "## Failures", "");
  if (failed.length === 0) out.push("None.");
  for (const cls of FAILURE_CLASSES) {
    const list = failed.filter((f) => f.class === cls);
    if (list.length === 0) continue;
    out.push(`### ${cls} (${list.length})`, "");
    out.push(mdTable([["spec", "size", "group", "detail"], ...list.map((f) => [f.id, size(f.bytes), `${f.group ?? ""}${f.tscErrors !== undefined ? ` (${f.tscErrors} errors)` : ""}`, (f.detail ?? "").slice(0, 240)])]), "");
  }

  out.push("", "## Warnings by code", "");
  out.push("A degraded spec generated and compiled, but the generator dropped or loosened something and said where. These numbers should only go down.", "");
  const codes = [...new Set(passed.flatMap((r) => Object.keys(r.warnings)))].sort();
  if (codes.length === 0) out.push("None.");
  else {
    out.push(
      mdTable([
        ["code", "specs", "warnings", "example"],
        ...codes
          .map((code) => {
            const withCode = passed.filter((r) => r.warnings[code] !== undefined);
            const example = withCode[0]!;
            return [code, String(withCode.length), String(withCode.reduce((n, r) => n + r.warnings[code]!.count, 0)), `${example.id}: ${example.warnings[code]!.first.slice(0, 200)}`];
          })
          .sort((a, b) => Number(b[1]) - Number(a[1])),
      ]),
    );
    out.push("", "<details><summary>Degraded specs</summary>", "");
    out.push(mdTable([["spec", "warnings", "by code"], ...degraded.map((r) => [r.id, String(warningCount(r)), Object.entries(r.warnings).map(([c, w]) => `${c} ×${w.count}`).join(", ")])]));
    out.push("", "</details>");
  }

  out.push("", "## Time and memory", "");
  out.push("CPU is user + system seconds and memory the largest resident set, both from `/usr/bin/time`, for generation (`gen-client`) and for the SDK's own single-threaded `tsc` run.", "");
  const head = ["spec", "size", "operations / schemas", "generation", "tsc", "CPU", "max RSS", "status"];
  out.push("### Slowest ten (CPU)", "", mdTable([head, ...[...records].sort((a, b) => cpuOf(b) - cpuOf(a)).slice(0, 10).map(resourceRow)]));
  out.push("", "### Largest ten (memory)", "", mdTable([head, ...[...records].sort((a, b) => rssOf(b) - rssOf(a)).slice(0, 10).map(resourceRow)]));
  const heavy = records.filter((r) => cpuOf(r) > CPU_LIMIT || rssOf(r) > RSS_LIMIT_MIB);
  out.push("", `${heavy.length} specs took over ${CPU_LIMIT} s of CPU or ${RSS_LIMIT_MIB} MiB${heavy.length > 0 ? `: ${heavy.map((r) => r.id).join(", ")}` : ""}.`);
  out.push(...heavyExplained(records, heavy));
  return `${out.join("\n")}\n`;
}

/** CPU per operation and schema: what a spec costs for its size. */
const unitCost = (r: AllRecord): number | undefined => {
  const units = (r.operations ?? 0) + (r.schemas ?? 0);
  return units === 0 ? undefined : (1000 * cpuOf(r)) / units;
};

/**
 * Each heavy spec against the whole run: a cost per operation and schema near the median says its
 * size explains it; one far above it points at a slow path to look into.
 */
function heavyExplained(records: readonly AllRecord[], heavy: readonly AllRecord[]): string[] {
  if (heavy.length === 0) return [];
  const costs = records
    .filter((r) => r.status === "passed" && (r.operations ?? 0) + (r.schemas ?? 0) >= 100)
    .flatMap((r) => unitCost(r) ?? [])
    .sort((a, b) => a - b);
  const median = costs[Math.floor(costs.length / 2)] ?? Number.NaN;
  const lines = heavy.map((r) => {
    const cost = unitCost(r);
    const verdict = cost === undefined ? "no operations or schemas counted" : cost <= 2 * median ? "in line with the rest: its size explains it" : "over twice the median: a slow path to look into";
    return `- ${r.id}: ${r.operations ?? 0} operations, ${r.schemas ?? 0} schemas; generation ${(r.gen.cpuSeconds ?? 0).toFixed(1)} s, tsc ${(r.tsc?.cpuSeconds ?? 0).toFixed(1)} s, max RSS ${rssOf(r).toFixed(0)} MiB; ${cost === undefined ? "n/a" : cost.toFixed(1)} ms of CPU per operation and schema, ${verdict}.`;
  });
  return ["", `Investigated, against a median of ${median.toFixed(1)} ms of CPU per operation and schema over the specs with at least 100 of them:`, "", ...lines];
}

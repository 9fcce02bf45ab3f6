/** The corpus result: per-spec records, the terminal tables, latest.json and RESULTS.md. */
import type { SampledSpec, SizeBucket, VersionClass } from "./sample.ts";
import { BUCKETS, VERSIONS } from "./sample.ts";

export type FailureClass = "crash" | "gen-error" | "timeout" | "tsc";
export const FAILURE_CLASSES: readonly FailureClass[] = ["crash", "gen-error", "timeout", "tsc"];

export interface SpecResult {
  readonly id: string;
  readonly source: SampledSpec["source"];
  readonly version: VersionClass;
  readonly bucket: SizeBucket;
  readonly bytes: number;
  readonly status: "passed" | "failed";
  readonly class?: FailureClass;
  /** For `tsc`, the most frequent TS error code (or `timeout`/`failed`); for the others, a normalised message to group by. */
  readonly group?: string;
  /** The message: GenError's, the crash's, or the first diagnostic of the top code (`file:line:col message`). */
  readonly detail?: string;
  readonly tscErrors?: number;
  readonly genSeconds: number;
  readonly operations?: number;
  readonly schemas?: number;
}

export interface CorpusResult {
  readonly date: string;
  readonly size: number;
  readonly seed: string;
  readonly population: number;
  readonly commit: string;
  /** Files under generator/, runtime/ and templates/ that differ from the commit (others' work in progress). */
  readonly uncommitted: readonly string[];
  /** When the measured build (dist/generator) was written. */
  readonly builtAt: string;
  /** Whether generator/ had sources newer than that build. */
  readonly staleBuild: boolean;
  readonly timeoutSec: number;
  readonly seconds: number;
  readonly passed: number;
  readonly failed: number;
  readonly specs: readonly SpecResult[];
}

/** Collapses the parts of a message that vary per spec (pointers, quoted names, numbers). */
export function normalise(message: string): string {
  return message
    .replace(/^\S*\.json(:\d+)*:?\s*/, "")
    .replace(/#\/\S*/g, "#/…")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/`[^`]*`/g, "`…`")
    .replace(/\b\d+\b/g, "N")
    .slice(0, 160);
}

export function passRate(r: Pick<CorpusResult, "passed" | "failed">): string {
  const total = r.passed + r.failed;
  return total === 0 ? "n/a" : `${((100 * r.passed) / total).toFixed(1)}%`;
}

function kb(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n");
}

function mdTable(rows: readonly (readonly string[])[]): string {
  const esc = (s: string): string => s.replaceAll("|", "\\|").replaceAll("\n", " ");
  const [head, ...body] = rows;
  return [`| ${head!.map(esc).join(" | ")} |`, `| ${head!.map(() => "---").join(" | ")} |`, ...body.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}

function strataRows(r: CorpusResult): string[][] {
  const rows: string[][] = [["version", "size", "sampled", "passed", "failed"]];
  for (const v of VERSIONS) {
    for (const b of BUCKETS) {
      const specs = r.specs.filter((s) => s.version === v && s.bucket === b);
      if (specs.length === 0) continue;
      const passed = specs.filter((s) => s.status === "passed").length;
      rows.push([v, b, String(specs.length), String(passed), String(specs.length - passed)]);
    }
  }
  return rows;
}

function groups(failures: readonly SpecResult[]): [string, SpecResult[]][] {
  const map = new Map<string, SpecResult[]>();
  for (const f of failures) {
    const key = f.group ?? "";
    map.set(key, [...(map.get(key) ?? []), f]);
  }
  return [...map.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

function pinnedLine(r: CorpusResult): string {
  return ["github", "stripe.com"]
    .map((id) => {
      const s = r.specs.find((x) => x.id === id);
      return `${id}: ${s === undefined ? "not run" : s.status === "passed" ? "passed" : `FAILED (${String(s.class)}: ${s.group ?? ""})`}`;
    })
    .join(", ");
}

export function renderTerminal(r: CorpusResult): string {
  const out: string[] = [];
  out.push(`corpus: ${r.specs.length} specs (size ${r.size}, seed ${r.seed}) from a population of ${r.population}; gen-client ${r.commit}${r.uncommitted.length > 0 ? ` + ${r.uncommitted.length} uncommitted files` : ""}; ${r.seconds.toFixed(0)} s`);
  if (r.staleBuild) out.push("WARNING: generator/ had sources newer than the build measured (dist/): run `npm run build` first");
  out.push("", table(strataRows(r)), "", pinnedLine(r), `pass rate ${passRate(r)}`);
  const failures = r.specs.filter((s) => s.status === "failed");
  for (const cls of FAILURE_CLASSES) {
    const list = failures.filter((f) => f.class === cls);
    if (list.length === 0) continue;
    out.push("", `== ${cls}: ${list.length}`);
    out.push(`   ${groups(list).map(([g, l]) => `${g.slice(0, 70)} ×${l.length}`).join("; ")}`);
    const rows: string[][] = [["spec", "version", "size", cls === "tsc" ? "code / errors" : "", "detail"]];
    for (const f of list) rows.push([f.id, f.version, kb(f.bytes), cls === "tsc" ? `${f.group ?? ""} / ${f.tscErrors ?? ""}` : "", (f.detail ?? "").slice(0, 200)]);
    out.push(table(rows));
  }
  out.push("", `${r.passed} passed, ${r.failed} failed`);
  return `${out.join("\n")}\n`;
}

export function renderMarkdown(r: CorpusResult): string {
  const out: string[] = [];
  out.push("# Real-world corpus: latest result", "");
  out.push("Written by `npm run corpus` (see corpus/README.md). Do not edit by hand. Every spec, not a sample: [RESULTS-all.md](RESULTS-all.md) (`npm run corpus -- --all`).", "");
  out.push(
    mdTable([
      ["", ""],
      ["date", r.date],
      ["gen-client", `${r.commit}${r.uncommitted.length > 0 ? ` with ${r.uncommitted.length} uncommitted files in generator/, runtime/, templates/` : ""}; build of ${r.builtAt}`],
      ["sample", `${r.specs.length} specs (\`--size ${r.size} --seed ${r.seed}\`) of ${r.population}`],
      ["result", `**${r.passed} passed, ${r.failed} failed** (${passRate(r)})`],
      ["GitHub / Stripe", pinnedLine(r)],
      ["generation timeout", `${r.timeoutSec} s per spec`],
      ["duration", `${(r.seconds / 60).toFixed(1)} min`],
    ]),
  );
  if (r.staleBuild) out.push("", "**Warning:** generator/ had sources newer than the build measured (dist/).");
  out.push("", "## By stratum", "", mdTable(strataRows(r)));
  const failures = r.specs.filter((s) => s.status === "failed");
  out.push("", "## Failure classes", "");
  if (failures.length === 0) out.push("None.");
  else {
    out.push(mdTable([["class", "specs", "groups"], ...FAILURE_CLASSES.map((c) => failures.filter((f) => f.class === c)).filter((l) => l.length > 0).map((l) => [l[0]!.class!, String(l.length), groups(l).map(([g, x]) => `${g} ×${x.length}`).join("; ")])]));
    for (const cls of FAILURE_CLASSES) {
      const list = failures.filter((f) => f.class === cls);
      if (list.length === 0) continue;
      out.push("", `### ${cls} (${list.length})`, "");
      out.push(mdTable([["spec", "version", "size", "group", "detail"], ...list.map((f) => [f.id, f.version, kb(f.bytes), `${f.group ?? ""}${f.tscErrors !== undefined ? ` (${f.tscErrors} errors)` : ""}`, (f.detail ?? "").slice(0, 240)])]));
    }
  }
  return `${out.join("\n")}\n`;
}

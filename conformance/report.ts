/** The conformance result: per-spec counts by outcome, the calls that did not pass, RESULTS.md. */
import { FAILURES, OUTCOMES, PASSING, type Outcome } from "./classify.ts";
import type { CallRecord, SpecRun } from "./run-spec.ts";
import type { Selected } from "./select.ts";

export interface ConformanceResult {
  readonly date: string;
  readonly commit: string;
  readonly seconds: number;
  readonly passed: number;
  readonly failed: number;
  readonly specs: readonly (Omit<SpecRun, "calls"> & { readonly kind: Selected["kind"]; readonly note?: string; readonly counts: Partial<Record<Outcome, number>>; readonly notOk: readonly CallRecord[] })[];
}

export function isFailure(call: Pick<CallRecord, "outcome">): boolean {
  return (FAILURES as readonly string[]).includes(call.outcome);
}

/** Passed: every call that is not an SDK-caused failure (set-apart ones carry their evidence). */
export function summarise(runs: readonly (SpecRun & { kind: Selected["kind"]; note?: string })[], commit: string, seconds: number): ConformanceResult {
  const specs = runs.map(({ calls, ...run }) => {
    const counts: Partial<Record<Outcome, number>> = {};
    for (const c of calls) counts[c.outcome] = (counts[c.outcome] ?? 0) + 1;
    return { ...run, counts, notOk: calls.filter((c) => c.outcome !== "ok") };
  });
  const all = runs.flatMap((r) => r.calls);
  const broken = runs.filter((r) => r.error !== undefined).length;
  const failedCalls = all.filter(isFailure).length;
  return { date: new Date().toISOString(), commit, seconds, passed: all.length - failedCalls, failed: failedCalls + broken, specs };
}

function table(rows: readonly (readonly string[])[]): string {
  const [head, ...body] = rows;
  return [`| ${head!.join(" | ")} |`, `| ${head!.map(() => "---").join(" | ")} |`, ...body.map((r) => `| ${r.map((c) => c.replaceAll("|", "\\|").replaceAll("\n", " ")).join(" | ")} |`)].join("\n");
}

export function renderMarkdown(r: ConformanceResult): string {
  const used = OUTCOMES.filter((o) => r.specs.some((s) => (s.counts[o] ?? 0) > 0));
  const out = [
    "# Conformance results",
    "",
    `${r.date.slice(0, 10)} at ${r.commit}, ${(r.seconds / 60).toFixed(1)} min. Written by \`npm run conformance\`; see conformance/README.md for what each outcome means.`,
    "",
    table([
      ["spec", "kind", "operations", "calls", ...used, "Prism start s", "note"],
      ...r.specs.map((s) => [
        s.id,
        s.kind,
        String(s.operations),
        String(Object.values(s.counts).reduce((a, b) => a + (b ?? 0), 0)),
        ...used.map((o) => String(s.counts[o] ?? 0)),
        (s.prismStartMs / 1000).toFixed(1),
        s.error ?? s.note ?? "",
      ]),
    ]),
  ];
  const total = (o: Outcome): number => r.specs.reduce((sum, s) => sum + (s.counts[o] ?? 0), 0);
  const callCount = OUTCOMES.reduce((sum, o) => sum + total(o), 0);
  const rules = new Map<string, number>();
  for (const call of r.specs.flatMap((s) => s.notOk)) {
    if (call.rule !== undefined) rules.set(`${call.outcome}: ${call.rule}`, (rules.get(`${call.outcome}: ${call.rule}`) ?? 0) + 1);
  }
  out.push(
    "",
    "## Summary",
    "",
    `${r.specs.length} specs, ${r.specs.reduce((sum, s) => sum + s.operations, 0)} operations, ${callCount} calls: ${used.map((o) => `${total(o)} ${o}`).join(", ")}.`,
    "",
    table([["set apart by rule", "calls"], ...[...rules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule, n]) => [rule, String(n)])]),
  );
  for (const outcome of OUTCOMES.filter((o) => !(PASSING as readonly string[]).includes(o))) {
    const calls = r.specs.flatMap((s) => s.notOk.filter((c) => c.outcome === outcome).map((c) => ({ spec: s.id, ...c })));
    if (calls.length === 0) continue;
    out.push("", `## ${outcome} (${calls.length})`, "");
    out.push(table([["spec", "operation", "prefer", "status", "rule", "reason"], ...calls.slice(0, 60).map((c) => [c.spec, `${c.operation} (${c.route})`, c.prefer ?? "", String(c.status ?? ""), c.rule ?? "", c.reason.slice(0, 300)])]));
    if (calls.length > 60) out.push("", `… and ${calls.length - 60} more in conformance/results/latest.json.`);
  }
  out.push("", `${r.passed} passed, ${r.failed} failed`);
  return `${out.join("\n")}\n`;
}

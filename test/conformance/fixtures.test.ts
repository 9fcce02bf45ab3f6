/**
 * The conformance suite's fast subset (`npm run conformance` runs it with real specs too): every
 * fixture's SDK calls every operation against Stoplight Prism's mock, once as Prism chooses and
 * once per declared response, and no call may end in an SDK-caused failure. Prism's limitations
 * and spec defects are allowed only with the evidence conformance/classify.ts demands.
 */
import { describe, expect, it } from "vitest";
import { FAILURES } from "../../conformance/classify.ts";
import { WORK } from "../../conformance/paths.ts";
import { runSpec } from "../../conformance/run-spec.ts";
import { fixtureSpecs } from "../../conformance/select.ts";

describe("conformance against Prism", () => {
  it.each(fixtureSpecs().map((spec) => [spec.id, spec] as const))("%s: every call is ok, tolerated, or set apart with evidence", async (_id, spec) => {
    const run = await runSpec(spec, WORK, () => undefined);
    expect(run.error).toBeUndefined();
    expect(run.calls.length).toBeGreaterThanOrEqual(run.operations);
    const failing = run.calls.filter((c) => (FAILURES as readonly string[]).includes(c.outcome) || c.outcome === "known-sdk-bug");
    expect(failing.map((c) => `${c.outcome} ${c.operation} ${c.prefer ?? ""}: ${c.reason}`)).toEqual([]);
  }, 120_000);
});

/**
 * The conformance suite's fast subset (`npm run conformance` runs it with real specs too): every
 * fixture's SDK calls every operation against Stoplight Prism's mock, once as Prism chooses and
 * once per declared response, and no call may end in an SDK-caused failure. Prism's limitations
 * and spec defects are allowed only with the evidence conformance/classify.ts demands.
 *
 * Most of the time is Prism starting up, so two specs run at once (the machine has two cores),
 * each with its own Prism on a free 127.0.0.1 port, stopped by PID; the tests take the runs in order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAILURES } from "../../conformance/classify.ts";
import { WORK } from "../../conformance/paths.ts";
import { inPool } from "../../conformance/pool.ts";
import { runSpec, type SpecRun } from "../../conformance/run-spec.ts";
import { fixtureSpecs } from "../../conformance/select.ts";

const specs = fixtureSpecs();
let runs: Promise<SpecRun | Error>[] = [];

beforeAll(() => {
  runs = inPool(specs, 2, (spec) => runSpec(spec, WORK, () => undefined).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
});

// Every run stops its Prism in a finally; wait for those still going after a failed or timed-out test.
afterAll(async () => {
  await Promise.all(runs);
}, 120_000);

describe("conformance against Prism", () => {
  it.each(specs.map((spec, index) => [spec.id, index] as const))("%s: every call is ok, tolerated, or set apart with evidence", async (_id, index) => {
    const run = await runs[index]!;
    if (run instanceof Error) throw run;
    expect(run.error).toBeUndefined();
    expect(run.calls.length).toBeGreaterThanOrEqual(run.operations);
    const failing = run.calls.filter((c) => (FAILURES as readonly string[]).includes(c.outcome));
    expect(failing.map((c) => `${c.outcome} ${c.operation} ${c.prefer ?? ""}: ${c.reason}`)).toEqual([]);
  }, 120_000);
});

/**
 * Property: for every fixture, every operation's declared JSON responses (and JSON streams, item
 * by item), and any seed, `returnsFake()` data passes the operation's own validator, and the same
 * seed gives the same data.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixturePath, fixtures, generateInto } from "../support/sdk.js";
import type { OperationSpec } from "../../runtime/operation.js";

type Fake = (operation: OperationSpec, where: string, status: number, seed: number) => Promise<unknown>;
type Check = (schema: unknown, value: unknown) => { ok: boolean; issues?: readonly { path: PropertyKey[]; message: string }[] };

// With `dates: "date"`, date-time validators are codecs that also admit Dates: fakes must still be wire text.
const withDateTimes = fixtures.filter(({ file }) => readFileSync(fixturePath(file), "utf8").includes("date-time"));
const cases = [...fixtures.map((fixture) => ({ ...fixture, dates: "string" as const })), ...withDateTimes.map((fixture) => ({ ...fixture, dates: "date" as const }))];

describe.each(cases)("returnsFake() for $file with dates $dates", ({ file, name, dates }) => {
  const sdk = generateInto(fixturePath(file), `kit-fake/${dates === "date" ? `${name}-dates` : name}`, { dates }).then(async ({ out }) => {
    const load = async (module: string): Promise<Record<string, unknown>> => (await import(pathToFileURL(path.join(out, module)).href)) as Record<string, unknown>;
    const [operations, fake, validate] = await Promise.all([load("operations.ts"), load("runtime/testing/fake.ts"), load("runtime/response/validate.ts")]);
    // operations.ts exports each spec as a function that builds it, beside `useValidators`, which
    // load-validators.ts hands the validators the specs refer to.
    if (existsSync(path.join(out, "load-validators.ts"))) await ((await load("load-validators.ts"))["loadValidators"] as () => Promise<void>)();
    const specs = Object.entries(operations as Record<string, () => unknown>)
      .filter(([name]) => name !== "useValidators")
      .map(([, build]) => build() as OperationSpec);
    return { operations: specs, fakeBody: fake["fakeBody"] as Fake, check: validate["check"] as Check };
  });

  it("makes data every JSON response's validator accepts, the same for the same seed", async () => {
    const { operations, fakeBody, check } = await sdk;
    const responses = operations.flatMap((operation) =>
      Object.entries(operation.responses)
        .filter(([status, response]) => (response.kind === "json" || (response.kind === "stream" && response.text !== true)) && /^\d{3}$/.test(status))
        .map(([status, response]) => ({ operation, status: Number(status), schema: response.schema, stream: response.kind === "stream" })),
    );
    expect(responses.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...responses), fc.integer({ min: 0, max: 1_000_000 }), async ({ operation, status, schema, stream }, seed) => {
        const body = await fakeBody(operation, "test", status, seed);
        for (const value of stream ? (body as unknown[]) : [body]) {
          const checked = check(schema, value);
          expect(checked.ok, `${operation.id} ${status} seed ${seed}: ${JSON.stringify(checked.issues)}`).toBe(true);
        }
        expect(await fakeBody(operation, "test", status, seed)).toEqual(body);
        // The kit sends fakes as JSON: no Date (or other object) that JSON would change.
        expect(JSON.parse(JSON.stringify(body) ?? "null")).toEqual(body ?? null);
      }),
      { numRuns: 40, seed: 1 },
    );
  });
});

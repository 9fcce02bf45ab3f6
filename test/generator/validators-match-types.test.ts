import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, fixtures, generateInto, typecheck } from "../support/sdk.js";

/**
 * A type-level check, compiled with the SDK: every validator's output type and its emitted type
 * are mutually assignable (ignoring the index signature `z.looseObject` adds for unknown keys, and
 * the `Unlisted<…>` members that types of responses add for values the spec does not list).
 * When an emitter changes one without the other, this stops compiling.
 */
function consistencyModule(schemaNames: readonly string[]): string {
  const checks = schemaNames.map((name) => `export type ${name}Matches = Expect<Same<Known<z.output<typeof S.${name}Schema>>, Known<T.${name}>>, "${name}">;`);
  return [
    'import type { z } from "zod";',
    'import type * as S from "./schemas.js";',
    'import type * as T from "./types.js";',
    "",
    "type Known<V> = V extends { readonly __unlisted: true } ? never",
    "  : V extends Blob | Date ? V",
    "  : V extends readonly (infer Item)[] ? Known<Item>[]",
    "  : V extends object ? { [K in keyof V as string extends K ? never : K]: Known<V[K]> }",
    "  : V;",
    "type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;",
    "type Expect<Ok extends true, _Name extends string> = Ok;",
    "",
    ...checks,
    "",
  ].join("\n");
}

// `dates: "date"` changes only fixtures with date-time values.
const withDateTimes = fixtures.filter(({ file }) => readFileSync(fixturePath(file), "utf8").includes("date-time"));
// zod/mini validators once per fixture: with Dates where it has date-times.
const cases = [
  ...fixtures.map((fixture) => ({ ...fixture, dates: "string" as const, zod: "classic" as const })),
  ...withDateTimes.map((fixture) => ({ ...fixture, dates: "date" as const, zod: "classic" as const })),
  ...fixtures.map((fixture) => ({ ...fixture, dates: withDateTimes.includes(fixture) ? ("date" as const) : ("string" as const), zod: "mini" as const })),
];

describe.each(cases)("validators of $file with dates $dates in $zod zod", ({ file, name, dates, zod }) => {
  it("infer exactly the emitted TypeScript types", async () => {
    const dir = `${name}${dates === "date" ? "-dates" : ""}${zod === "mini" ? "-mini" : ""}`;
    const { result, out } = await generateInto(fixturePath(file), `consistency/${dir}`, { dates, zod });
    const schemas = result.files.find((file) => file.path === "schemas.ts")?.contents ?? "";
    const names = [...schemas.matchAll(/^export const (\w+)Schema\b/gmu)].map((match) => match[1] ?? "");
    expect(names.length).toBeGreaterThan(0);
    await writeFile(path.join(out, "consistency.ts"), consistencyModule(names));
    expect(await typecheck([out], "NodeNext", `consistency-${dir}`)).toBe("");
  });
});

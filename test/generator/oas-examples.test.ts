/**
 * Real feature specs from `@readme/oas-examples` (Swagger 2.0, OpenAPI 3.0 and 3.1, installed
 * from npm at test time): every one generates, and every SDK type-checks strictly.
 */
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateInto, typecheck } from "../support/sdk.js";

const examples = path.dirname(createRequire(import.meta.url).resolve("@readme/oas-examples/package.json"));
const specs = ["2.0", "3.0", "3.1"].flatMap((version) =>
  readdirSync(path.join(examples, version, "json"))
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ version, file, spec: path.join(examples, version, "json", file) })),
);

describe("@readme/oas-examples", () => {
  const outs: string[] = [];

  it.each(specs)("generates an SDK for $version/$file", async ({ version, file, spec }) => {
    const { result, out } = await generateInto(spec, `oas-examples/${version}-${file.replace(/\.json$/, "")}`);
    expect(result.files.some((f) => f.path === "client.ts")).toBe(true);
    outs.push(out);
  });

  it("type-checks every generated SDK strictly", async () => {
    expect(outs.length).toBe(specs.length);
    expect(await typecheck(outs, "NodeNext", "oas-examples")).toBe("");
  });
});

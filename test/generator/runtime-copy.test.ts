import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, generateInto, repoRoot, typecheck } from "../support/sdk.js";

describe("the runtime copy in an SDK", () => {
  it("is the runtime's source under a header that leaves it out of the user's type-check", async () => {
    const { result } = await generateInto(fixturePath("petstore.yaml"), "runtime-copy");
    const copies = result.files.filter((file) => file.path.startsWith("runtime/"));
    expect(copies.map((file) => file.path)).toContain("runtime/testing/index.ts");
    for (const copy of copies) {
      const source = await readFile(path.join(repoRoot, copy.path), "utf8");
      const header = copy.contents.slice(0, copy.contents.length - source.length);
      expect(copy.contents.endsWith(source), copy.path).toBe(true);
      expect(header.split("\n"), copy.path).toEqual([
        expect.stringMatching(/^\/\/ Copied from the runtime of gen-client \d+\.\d+\.\d+\. Do not edit/),
        "// Type-checked by gen-client's tests rather than by your build, as a dependency's code would be.",
        "// @ts-nocheck",
        "",
      ]);
    }
  });

  it("is still type-checked by the tests: a type error in it fails them", async () => {
    const { out } = await generateInto(fixturePath("petstore.yaml"), "runtime-copy-broken");
    const call = path.join(out, "runtime/call.ts");
    await writeFile(call, `${await readFile(call, "utf8")}\nexport const broken: number = "not a number";\n`);
    expect(await typecheck([out], "NodeNext", "runtime-copy-broken")).toMatch(/runtime\/call\.ts\(\d+,\d+\): error TS2322/);
  });
});

import path from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { generate, type GenerateOptions } from "../../generator/index.js";
import { fixturePath, fixtures, generateInto, repoRoot, typecheck } from "../support/sdk.js";

/** Every fixture with default options, plus variants whose options change the output (snapshotted under their name). */
const cases: readonly { readonly file: string; readonly name: string; readonly options: Omit<GenerateOptions, "spec"> }[] = [
  ...fixtures.map((fixture) => ({ ...fixture, options: {} })),
  { file: "petstore.yaml", name: "petstore-dates", options: { dates: "date" } },
  // zod/mini validators: recursion, discriminated unions, catchall, formats and the Date codec in one spec.
  { file: "composition.yaml", name: "composition-mini", options: { zod: "mini", dates: "date" } },
];

describe.each(cases)("fixture $name", ({ file, name, options }) => {
  const generated = generateInto(fixturePath(file), `fixtures/${name}`, options);

  it("emits the snapshotted SDK modules", async () => {
    const { result } = await generated;
    const modules = result.files.filter((file) => !file.path.startsWith("runtime/"));
    // webhooks.ts comes only with webhooks or callbacks; load-validators.ts and validators.ts only with something to validate.
    const optional = (name: string): string[] => (result.files.some((file) => file.path === name) ? [name] : []);
    expect(modules.map((file) => file.path)).toEqual([
      "README.md",
      "client.ts",
      "core.ts",
      "funcs.ts",
      "index.ts",
      ...optional("load-validators.ts"),
      "operations.ts",
      "schemas.ts",
      "testing.ts",
      "types.ts",
      ...optional("validators.ts"),
      ...optional("webhooks.ts"),
      ".gen-client-names.json",
      ".gen-client-surface.json",
    ]);
    for (const file of modules) {
      await expect(file.contents).toMatchFileSnapshot(path.join(repoRoot, "test/snapshots", name, file.path));
    }
  });

  it("emits byte-identical output on a second run", async () => {
    const { result } = await generated;
    const again = await generate({ spec: path.relative(repoRoot, fixturePath(file)), ...options });
    expect(again.files).toEqual(result.files);
  });

  it("emits code that prettier leaves unchanged", async () => {
    const { result } = await generated;
    for (const file of result.files.filter((each) => each.path.endsWith(".ts") && !each.path.startsWith("runtime/"))) {
      const formatted = await prettier.format(file.contents, { parser: "typescript" });
      expect(formatted, file.path).toBe(file.contents);
    }
  });

  it.each(["NodeNext", "Bundler"] as const)("type-checks strictly with moduleResolution %s", async (resolution) => {
    const { out } = await generated;
    expect(await typecheck([out], resolution, name)).toBe("");
  });
});

describe("every fixture with zod/mini validators", () => {
  const variants: readonly { readonly file: string; readonly name: string; readonly options: Omit<GenerateOptions, "spec"> }[] = [
    ...fixtures.map((fixture) => ({ ...fixture, options: { zod: "mini" as const } })),
    { file: "petstore.yaml", name: "petstore-dates-strict", options: { zod: "mini", dates: "date", strict: true } },
  ];
  const generated = Promise.all(variants.map(({ file, name, options }) => generateInto(fixturePath(file), `fixtures-mini/${name}`, options)));

  it("loads zod/mini, never zod's classic API (type-only imports aside), runtime included", async () => {
    for (const { result } of await generated) {
      for (const file of result.files.filter((each) => each.path.endsWith(".ts"))) {
        expect(file.contents, file.path).not.toMatch(/^import (?!type )[^;]*from "zod";|import\("zod"\)/m);
      }
    }
  });

  it("type-checks strictly", async () => {
    expect(await typecheck((await generated).map(({ out }) => out), "Bundler", "fixtures-mini")).toBe("");
  });
});

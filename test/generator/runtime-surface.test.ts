/**
 * The runtime owns its public surface: runtime/public.ts lists it, and every SDK's index.ts
 * re-exports exactly that, with no list in the generator to keep in step.
 */
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { readRuntimeSurface, runtimeSurface } from "../../generator/runtime-surface.js";
import { fixturePath, outRoot, repoRoot } from "../support/sdk.js";

const publicModule = path.join(repoRoot, "runtime/public.ts");

/** runtime/public.ts's exports as TypeScript's parser reads them, values apart from types. */
async function exportsByTypeScript(): Promise<{ values: string[]; types: string[] }> {
  const source = ts.createSourceFile(publicModule, await readFile(publicModule, "utf8"), ts.ScriptTarget.Latest);
  const values: string[] = [];
  const types: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) throw new Error(`unexpected: ${statement.getText(source)}`);
    for (const element of statement.exportClause.elements) (statement.isTypeOnly || element.isTypeOnly ? types : values).push(element.name.text);
  }
  return { values: values.sort(), types: types.sort() };
}

describe("the runtime's public surface", () => {
  it("is read from runtime/public.ts as TypeScript reads it: the same values, the same types", async () => {
    const surface = runtimeSurface();
    expect({ values: [...surface.values].sort(), types: [...surface.types].sort() }).toEqual(await exportsByTypeScript());
    expect(surface.values).toContain("CallError");
  });

  it("names a renamed export by its new name, and refuses any statement but export … from", () => {
    expect(readRuntimeSurface('export { A as B, type C as D } from "./a.js";\nexport type { E } from "./e.js";')).toEqual({ values: ["B"], types: ["D", "E"] });
    expect(() => readRuntimeSurface('export * from "./a.js";')).toThrow(/only `export \{ … \} from` statements, not `export \* from "\.\/a\.js"`/);
  });

  it("puts a new export of runtime/public.ts into every SDK's index.ts and reserves its name, with no change to the generator", async () => {
    // A copy of the package (generator, runtime, templates) whose runtime has one more public error.
    const copy = path.join(outRoot, "runtime-surface-package");
    await rm(copy, { recursive: true, force: true });
    await mkdir(copy, { recursive: true });
    for (const entry of ["generator", "runtime", "templates", "package.json"]) await cp(path.join(repoRoot, entry), path.join(copy, entry), { recursive: true });
    await writeFile(
      path.join(copy, "runtime/errors/quota-error.ts"),
      'import { brand, SdkError } from "./sdk-error.js";\n\nexport class QuotaError extends SdkError {\n  static {\n    brand(this, "QuotaError");\n  }\n\n  override readonly name = "QuotaError";\n}\n',
    );
    await writeFile(path.join(copy, "runtime/public.ts"), `${await readFile(publicModule, "utf8")}export { QuotaError } from "./errors/quota-error.js";\n`);

    const copiedGenerator = path.join(copy, "generator/index.ts");
    const { generate, writeSdk } = (await import(copiedGenerator)) as typeof import("../../generator/index.js");
    const spec = path.join(copy, "quota.yaml");
    await writeFile(spec, (await readFile(fixturePath("petstore.yaml"), "utf8")).replace(/^ {2}schemas:\n/m, "  schemas:\n    QuotaError:\n      type: object\n"));
    const result = await generate({ spec });
    const out = path.join(copy, "sdk");
    await writeSdk(out, result.files);

    const index = await readFile(path.join(out, "index.ts"), "utf8");
    expect(index).toMatch(/^ {2}QuotaError,$/m);
    const sdk = (await import(path.join(out, "index.ts"))) as { QuotaError?: unknown };
    expect(typeof sdk.QuotaError).toBe("function");
    // The spec's own QuotaError schema makes way for the runtime's.
    expect(await readFile(path.join(out, "types.ts"), "utf8")).toMatch(/^export interface QuotaErrorModel /m);
  });
});

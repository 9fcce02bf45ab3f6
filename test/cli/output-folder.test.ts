import { existsSync } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { genClient, scratchDir } from "../support/cli.js";

const withSchemas = `openapi: 3.0.3
info: { title: Tiny, version: "1" }
paths:
  /things:
    get:
      operationId: listThings
      summary: List the things.
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Thing" }
components:
  schemas:
    Thing: { type: object, properties: { id: { type: string } } }
`;

// The same API once its only schema is gone: the SDK has no schemas.ts any more.
const withoutSchemas = `openapi: 3.0.3
info: { title: Tiny, version: "1" }
paths:
  /things:
    get:
      operationId: listThings
      summary: List the things.
      responses:
        "204":
          description: done
`;

async function mtimes(dir: string, files: readonly string[]): Promise<number[]> {
  return Promise.all(files.map(async (file) => (await stat(path.join(dir, file))).mtimeMs));
}

async function tinyProject(): Promise<string> {
  const dir = await scratchDir("output");
  await writeFile(path.join(dir, "tiny.yaml"), withSchemas);
  return dir;
}

describe("the output folder", () => {
  it("keeps untouched files, mtimes included, when regenerating", async () => {
    const dir = await tinyProject();
    expect((await genClient(dir, "tiny.yaml", "--out", "sdk")).stdout).toMatch(/files \((\d+) written\)/);
    const files = ["README.md", "client.ts", "types.ts", "schemas.ts", "runtime/index.ts", ".gen-client-manifest.json"];
    const before = await mtimes(path.join(dir, "sdk"), files);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const again = await genClient(dir, "tiny.yaml", "--out", "sdk");
    expect(again.stdout).toContain(" files (0 written) ");
    expect(await mtimes(path.join(dir, "sdk"), files)).toEqual(before);

    await writeFile(path.join(dir, "tiny.yaml"), withSchemas.replace("List the things.", "List every thing."));
    const edited = await genClient(dir, "tiny.yaml", "--out", "sdk", "--verbose");
    // funcs.ts documents each operation as client.ts does.
    expect(edited.stderr).toContain("  written: README.md, client.ts, funcs.ts\n");
    const after = await mtimes(path.join(dir, "sdk"), files);
    expect(after.slice(2)).toEqual(before.slice(2));
    expect(after[1]).not.toBe(before[1]);
  });

  it("removes a generated file that no longer belongs to the SDK, and keeps the user's files", async () => {
    const dir = await tinyProject();
    await genClient(dir, "tiny.yaml", "--out", "sdk");
    expect(existsSync(path.join(dir, "sdk/schemas.ts"))).toBe(true);
    await writeFile(path.join(dir, "sdk/extensions.ts"), "export const mine = 1;\n");
    await mkdir(path.join(dir, "sdk/runtime/custom"), { recursive: true });
    await writeFile(path.join(dir, "sdk/runtime/custom/hook.ts"), "export {};\n");

    await writeFile(path.join(dir, "tiny.yaml"), withoutSchemas);
    const result = await genClient(dir, "tiny.yaml", "--out", "sdk", "--verbose");
    expect(result.code).toBe(0);
    // With no schemas, nothing is left to validate: validators.ts and load-validators.ts go too.
    expect(result.stdout).toMatch(/ files \(\d+ written, 3 removed\) /);
    expect(result.stderr).toContain("  removed: load-validators.ts, schemas.ts, validators.ts\n");
    expect(existsSync(path.join(dir, "sdk/schemas.ts"))).toBe(false);
    expect(await readFile(path.join(dir, "sdk/extensions.ts"), "utf8")).toBe("export const mine = 1;\n");
    expect(existsSync(path.join(dir, "sdk/runtime/custom/hook.ts"))).toBe(true);
    expect(JSON.parse(await readFile(path.join(dir, "sdk/.gen-client-manifest.json"), "utf8")).files).not.toContain("schemas.ts");
  });

  it("recognises generated files by their header in a folder without a manifest", async () => {
    const dir = await tinyProject();
    await genClient(dir, "tiny.yaml", "--out", "sdk");
    await rm(path.join(dir, "sdk/.gen-client-manifest.json"));
    await writeFile(path.join(dir, "sdk/extensions.ts"), "export const mine = 1;\n");
    await writeFile(path.join(dir, "tiny.yaml"), withoutSchemas);
    const result = await genClient(dir, "tiny.yaml", "--out", "sdk");
    expect(result.stdout).toMatch(/ files \(\d+ written, 3 removed\) /);
    expect(existsSync(path.join(dir, "sdk/schemas.ts"))).toBe(false);
    expect(existsSync(path.join(dir, "sdk/extensions.ts"))).toBe(true);
    expect(existsSync(path.join(dir, "sdk/.gen-client-manifest.json"))).toBe(true);
  });

  it("deletes every other file with --clean", async () => {
    const dir = await tinyProject();
    await mkdir(path.join(dir, "sdk/old/deep"), { recursive: true });
    await writeFile(path.join(dir, "sdk/old/deep/leftover.ts"), "export {};\n");
    await writeFile(path.join(dir, "sdk/notes.md"), "mine\n");
    const result = await genClient(dir, "tiny.yaml", "--out", "sdk", "--clean");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ files \(\d+ written, 2 removed\) /);
    expect(existsSync(path.join(dir, "sdk/notes.md"))).toBe(false);
    expect(existsSync(path.join(dir, "sdk/old"))).toBe(false);
    expect(existsSync(path.join(dir, "sdk/client.ts"))).toBe(true);
  });

  it.each([
    [".", "it holds the working directory"],
    ["..", "it holds the working directory"],
    ["specs", "it holds the spec (specs/tiny.yaml)"],
    ["app", "it has a package.json, so it looks like a project root"],
  ])("refuses --clean with --out %s", async (out, why) => {
    const dir = await scratchDir("clean-guard");
    await mkdir(path.join(dir, "specs"));
    await mkdir(path.join(dir, "app"));
    await writeFile(path.join(dir, "specs/tiny.yaml"), withSchemas);
    await writeFile(path.join(dir, "app/package.json"), "{}\n");
    const result = await genClient(dir, "specs/tiny.yaml", "--out", out, "--clean");
    expect(result).toEqual({ code: 1, stdout: "", stderr: `gen-client: error: refusing to --clean ${out}: ${why}\n` });
    expect(existsSync(path.join(dir, "specs/tiny.yaml"))).toBe(true);
    expect(existsSync(path.join(dir, "app/package.json"))).toBe(true);
  });
});

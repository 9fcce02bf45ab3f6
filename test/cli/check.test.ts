import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, genClient, scratchDir } from "../support/cli.js";
import { fixturePath } from "../support/sdk.js";

describe("gen-client --check", () => {
  it("is green on fresh output and red, with the changes an SDK user sees, after a spec edit", async () => {
    const dir = await copyProject("multi-api");
    const before = await genClient(dir, "--check");
    expect(before.code).toBe(1);
    expect(before.stdout).toContain("src/sdk/petstore is out of date with specs/petstore.yaml: no SDK has been generated there yet.\n");

    expect((await genClient(dir)).code).toBe(0);
    // A file of the user's own beside the SDK does not make it stale.
    await writeFile(path.join(dir, "src/sdk/petstore/extensions.ts"), "export const mine = 1;\n");
    expect(await genClient(dir, "--check")).toEqual({
      code: 0,
      stdout: "src/sdk/petstore is up to date with specs/petstore.yaml.\nsrc/sdk/pagination is up to date with specs/pagination.yaml.\n",
      stderr: "",
    });

    const spec = path.join(dir, "specs/petstore.yaml");
    const text = await readFile(spec, "utf8");
    expect(text).toContain("operationId: getInventory\n");
    await writeFile(spec, text.replace("operationId: getInventory\n", "operationId: getStock\n"));
    const after = await genClient(dir, "--check");
    expect(after.code).toBe(1);
    expect(after.stderr).toBe("");
    expect(after.stdout).toMatch(/^src\/sdk\/petstore is out of date with specs\/petstore\.yaml \(\d+ changes, \d+ breaking\):\n/);
    expect(after.stdout).toContain("  breaking  api.store.getInventory renamed to api.store.getStock (GET /store/inventory)\n");
    expect(after.stdout).toMatch(/ {2}modified files: .*client\.ts/);
    expect(after.stdout).toContain("src/sdk/pagination is up to date with specs/pagination.yaml.\n");
    // Nothing was written.
    expect(await readFile(path.join(dir, "src/sdk/petstore/client.ts"), "utf8")).toContain("getInventory");
  });

  it("reports switching --dates as breaking changes of the date-time fields", async () => {
    const dir = await scratchDir("check");
    await cp(fixturePath("petstore.yaml"), path.join(dir, "petstore.yaml"));
    expect((await genClient(dir, "petstore.yaml", "--out", "sdk")).code).toBe(0);
    const switched = await genClient(dir, "petstore.yaml", "--out", "sdk", "--check", "--dates", "date");
    expect(switched.code).toBe(1);
    expect(switched.stdout).toContain('  breaking  Pet: field "createdAt" type string(date-time) → Date\n');
  });

  it("reports switching --layout as a breaking move of every method", async () => {
    const dir = await scratchDir("check");
    await cp(fixturePath("petstore.yaml"), path.join(dir, "petstore.yaml"));
    expect((await genClient(dir, "petstore.yaml", "--out", "sdk", "--layout", "flat")).code).toBe(0);
    expect(await readFile(path.join(dir, "sdk/client.ts"), "utf8")).toContain("  listPets: OptionalArgsEndpoint<");
    // The name map keeps the SDK flat without the option.
    expect((await genClient(dir, "petstore.yaml", "--out", "sdk", "--check")).code).toBe(0);
    const switched = await genClient(dir, "petstore.yaml", "--out", "sdk", "--check", "--layout", "grouped");
    expect(switched.code).toBe(1);
    expect(switched.stdout).toMatch(/^sdk is out of date with petstore\.yaml \(12 changes, 12 breaking\):\n/);
    expect(switched.stdout).toContain("  breaking  api.listPets moved to api.pets.listPets (GET /pets)\n");
    expect(switched.stdout).toContain("  breaking  api.getInventory moved to api.store.getInventory (GET /store/inventory)\n");
  });

  it("prints the reports as JSON with --json", async () => {
    const dir = await scratchDir("check");
    await cp(fixturePath("petstore.yaml"), path.join(dir, "petstore.yaml"));
    await genClient(dir, "petstore.yaml", "--out", "sdk");
    const text = await readFile(path.join(dir, "petstore.yaml"), "utf8");
    await writeFile(path.join(dir, "petstore.yaml"), text.replace("operationId: getInventory\n", "operationId: getStock\n"));
    const result = await genClient(dir, "petstore.yaml", "--out", "sdk", "--check", "--json");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { upToDate: boolean; apis: { out: string; upToDate: boolean; breaking: number; changes: { breaking: boolean; message: string }[] }[] };
    expect(report.upToDate).toBe(false);
    expect(report.apis).toHaveLength(1);
    expect(report.apis[0]).toMatchObject({ out: "sdk", upToDate: false });
    expect(report.apis[0]?.changes).toContainEqual(expect.objectContaining({ breaking: true, message: "api.store.getInventory renamed to api.store.getStock (GET /store/inventory)" }));
  });

  it("refuses --json without --check, and --check with --watch", async () => {
    const dir = await scratchDir("check");
    expect((await genClient(dir, "x.yaml", "--json")).stderr).toBe("gen-client: error: --json goes with --check\n");
    expect((await genClient(dir, "x.yaml", "--check", "--watch")).stderr).toContain("option '-w, --watch' cannot be used with option '--check'");
  });
});

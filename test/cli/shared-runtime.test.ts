/**
 * `runtime: { path }`: two APIs of one config import one shared runtime folder instead of each
 * carrying a copy. The SDKs compile strictly, call real servers, and `--check` watches the shared
 * folder too.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { GenError, generate, writeSdk } from "../../generator/index.js";
import { listFiles } from "../../generator/write/clean.js";
import { startPaginationServer } from "../e2e/pagination-server.js";
import { startPetstore } from "../e2e/petstore-server.js";
import { copyProject, genClient, scratchDir } from "../support/cli.js";
import { fixturePath, typecheck } from "../support/sdk.js";

type PetstoreSdk = typeof import("../.out/sdk/petstore/index.js");
type PaginationSdk = typeof import("../.out/sdk/pagination/index.js");

async function generated(): Promise<string> {
  const dir = await copyProject("shared-runtime");
  const result = await genClient(dir);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return dir;
}

describe("a runtime folder shared by the APIs of a config", () => {
  it("holds the one copy of the runtime, which both SDKs import and compile against", async () => {
    const dir = await generated();
    const files = await listFiles(path.join(dir, "src/sdk"));
    expect(files.filter((file) => file.endsWith("/operation.ts"))).toEqual(["runtime/operation.ts"]);
    // The testing kit comes along even though only one of the SDKs has testing.ts.
    expect(files).toContain("runtime/testing/index.ts");
    expect(files).toContain("runtime/.gen-client-manifest.json");
    expect(files.some((file) => file.startsWith("petstore/runtime/") || file.startsWith("pagination/runtime/"))).toBe(false);
    expect(await readFile(path.join(dir, "src/sdk/petstore/client.ts"), "utf8")).toContain('} from "../runtime/index.js";');
    expect(await readFile(path.join(dir, "src/sdk/petstore/testing.ts"), "utf8")).toContain('from "../runtime/testing/index.js";');
    expect(await readFile(path.join(dir, "src/sdk/pagination/README.md"), "utf8")).toContain("it imports the shared runtime folder `../runtime/`");
    for (const file of files.filter((each) => /^(petstore|pagination)\/\w+\.ts$/.test(each))) {
      const contents = await readFile(path.join(dir, "src/sdk", file), "utf8");
      expect(await prettier.format(contents, { parser: "typescript" }), file).toBe(contents);
    }
    const sdks = ["petstore", "pagination", "runtime"].map((name) => path.join(dir, "src/sdk", name));
    expect(await typecheck(sdks, "NodeNext", "shared-runtime")).toBe("");
  });

  it("serves both SDKs against real servers", async () => {
    const dir = await generated();
    const petstore = (await import(pathToFileURL(path.join(dir, "src/sdk/petstore/index.ts")).href)) as PetstoreSdk;
    const pagination = (await import(pathToFileURL(path.join(dir, "src/sdk/pagination/index.ts")).href)) as PaginationSdk;
    const [pets, items] = await Promise.all([startPetstore(), startPaginationServer()]);
    try {
      const api = petstore.createClient({ baseUrl: pets.baseUrl, logLevel: "off", auth: { bearerAuth: "t" } });
      expect((await api.pets.listPets()).map((pet) => pet.name)).toEqual(["Rex", "Tom"]);
      await expect(api.pets.getPetById({ petId: 888 })).rejects.toBeInstanceOf(petstore.ResponseValidationError);
      const list = pagination.createClient({ baseUrl: items.baseUrl, logLevel: "off" });
      let count = 0;
      for await (const _item of list.listCursorItems.paginate()) count++;
      expect(count).toBe(1_037);
    } finally {
      await Promise.all([pets.close(), items.close()]);
    }
  });

  it("is checked by --check: up to date, then out of date in every SDK using it after a runtime file is edited", async () => {
    const dir = await generated();
    expect(await genClient(dir, "--check")).toMatchObject({ code: 0 });
    await writeFile(path.join(dir, "src/sdk/runtime/call.ts"), "// edited\n", { flag: "a" });
    const result = await genClient(dir, "--check", "--json");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { upToDate: boolean; apis: { changedFiles: string[] }[] };
    expect(report.upToDate).toBe(false);
    expect(report.apis.map((api) => api.changedFiles)).toEqual([["../runtime/call.ts"], ["../runtime/call.ts"]]);
    // Regenerating restores it, and only it.
    const again = await genClient(dir, "--verbose");
    expect(again.stderr).toContain("shared runtime src/sdk/runtime: 1 written, ");
    expect(await genClient(dir, "--check")).toMatchObject({ code: 0 });
  });

  it("is kept by a run that names no runtime: --check in CLI form compares against the shared folder", async () => {
    const dir = await generated();
    const manifest = JSON.parse(await readFile(path.join(dir, "src/sdk/petstore/.gen-client-manifest.json"), "utf8")) as { runtime?: string };
    expect(manifest.runtime).toBe("../runtime");
    const cliForm = ["specs/petstore.yaml", "--out", "src/sdk/petstore"];
    expect(await genClient(dir, ...cliForm, "--check")).toEqual({ code: 0, stdout: "src/sdk/petstore is up to date with specs/petstore.yaml.\n", stderr: "" });
    await writeFile(path.join(dir, "src/sdk/runtime/call.ts"), "// edited\n", { flag: "a" });
    const result = await genClient(dir, ...cliForm, "--check");
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain("generator:");
    expect(result.stdout).toContain("  modified files: ../runtime/call.ts\n");
    expect(result.stdout).not.toContain("added files");
    // Regenerating in CLI form writes the shared folder, and no copy into the SDK.
    expect(await genClient(dir, ...cliForm)).toMatchObject({ code: 0, stderr: "" });
    expect(existsSync(path.join(dir, "src/sdk/petstore/runtime"))).toBe(false);
    expect(await genClient(dir, "--check")).toMatchObject({ code: 0 });
  });

  it("is given up for a copy only when asked (--runtime copy), and --check then names the committed version", async () => {
    const dir = await generated();
    const result = await genClient(dir, "specs/petstore.yaml", "--out", "src/sdk/petstore", "--runtime", "copy", "--check");
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain("generator:");
    expect(result.stdout).toMatch(/\n {2}added files: runtime\/api-spec\.ts, runtime\/auth\/apply-auth\.ts, /);
  });

  it("replaces an SDK's own runtime copy: the copy is removed as stale", async () => {
    const dir = await copyProject("shared-runtime");
    expect((await genClient(dir, "specs/petstore.yaml", "--out", "src/sdk/petstore")).code).toBe(0);
    expect(existsSync(path.join(dir, "src/sdk/petstore/runtime/index.ts"))).toBe(true);
    expect((await genClient(dir)).code).toBe(0);
    expect(existsSync(path.join(dir, "src/sdk/petstore/runtime"))).toBe(false);
    expect(existsSync(path.join(dir, "src/sdk/runtime/index.ts"))).toBe(true);
  });
});

describe("what a shared runtime may not do", () => {
  it.each([
    ["sdk/petstore/runtime", `runtime.path sdk/petstore/runtime: it is inside the SDK's folder sdk/petstore; use runtime: "copy" for a copy there`],
    ["sdk", "runtime.path sdk: it holds the SDK's folder sdk/petstore"],
    [".", "runtime.path .: it holds the SDK's folder sdk/petstore"],
    ["..", "runtime.path ..: it holds the SDK's folder sdk/petstore"],
  ])("refuses the folder %s", async (runtime, message) => {
    const dir = await scratchDir("shared-runtime");
    const result = await genClient(dir, fixturePath("petstore.yaml"), "--out", "sdk/petstore", "--runtime", runtime);
    expect(result).toEqual({ code: 1, stdout: "", stderr: `gen-client: error: ${message}\n` });
    expect(existsSync(path.join(dir, "sdk"))).toBe(false);
  });

  it("refuses a folder that holds the working directory", async () => {
    const dir = path.join(await scratchDir("shared-runtime"), "project");
    await mkdir(dir);
    const result = await genClient(dir, fixturePath("petstore.yaml"), "--out", "../elsewhere/petstore", "--runtime", ".");
    expect(result.stderr).toBe("gen-client: error: runtime.path .: it holds the working directory\n");
    expect(await listFiles(path.dirname(dir))).toEqual([]);
  });

  it("needs the SDK's folder to import it from", async () => {
    await expect(generate({ spec: fixturePath("petstore.yaml"), runtime: { path: "shared" } })).rejects.toThrow(GenError);
  });

  it("never writes a file outside the folder being written", async () => {
    const dir = await scratchDir("shared-runtime");
    const result = await generate({ spec: fixturePath("petstore.yaml"), out: path.join(dir, "sdk"), runtime: { path: path.join(dir, "runtime") } });
    expect(result.files.every((file) => !file.path.startsWith("../") && !path.isAbsolute(file.path))).toBe(true);
    expect(result.sharedRuntime?.files.every((file) => !file.path.startsWith("../") && !path.isAbsolute(file.path))).toBe(true);
    const escaping = [...result.files, { path: "../escaped.ts", contents: "" }];
    await expect(writeSdk(path.join(dir, "sdk"), escaping)).rejects.toThrow("refusing to write ../escaped.ts: it is not inside");
    await expect(writeSdk(path.join(dir, "sdk"), [{ path: path.join(dir, "abs.ts"), contents: "" }])).rejects.toThrow(GenError);
    expect(await listFiles(dir)).toEqual([]);
  });
});

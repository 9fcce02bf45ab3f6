/**
 * The `testing` option: on by default, off with `testing: false` or `--no-testing`, and the kit
 * it adds depends on nothing an SDK does not already need.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { repoRoot } from "../support/sdk.js";

const spec = "fixtures/petstore.yaml";

describe("the testing option", () => {
  it("emits testing.ts, the kit's runtime and the README section by default", async () => {
    const { files } = await generate({ spec });
    const paths = files.map((file) => file.path);
    expect(paths).toContain("testing.ts");
    expect(paths).toContain("runtime/testing/index.ts");
    expect(files.find((file) => file.path === "README.md")?.contents).toContain("## Testing code that uses the SDK");
  });

  it("leaves all of it out with testing: false", async () => {
    const { files } = await generate({ spec, testing: false });
    expect(files.filter((file) => file.path === "testing.ts" || file.path.startsWith("runtime/testing/"))).toEqual([]);
    expect(files.find((file) => file.path === "README.md")?.contents).not.toContain("Testing code");
  });

  it("leaves it out with --no-testing on the command line", async () => {
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), "gen-client-kit-")), "sdk");
    await promisify(execFile)(process.execPath, [path.join(repoRoot, "bin/gen-client.js"), spec, "--out", out, "--no-testing", "--quiet"], { cwd: repoRoot });
    expect(existsSync(path.join(out, "client.ts"))).toBe(true);
    expect(existsSync(path.join(out, "testing.ts"))).toBe(false);
  });

  it("adds a kit that imports nothing but zod and its own runtime (msw and json-schema-faker stay optional)", async () => {
    const { files } = await generate({ spec });
    const kit = files.filter((file) => file.path === "testing.ts" || file.path.startsWith("runtime/testing/"));
    const specifiers = kit.flatMap((file) => [...file.contents.matchAll(/^(?:import|export)[^;]*?from "([^"]+)"/gms)].map((match) => match[1]));
    expect(specifiers.length).toBeGreaterThan(kit.length);
    expect(specifiers.filter((specifier) => !specifier?.startsWith(".") && specifier !== "zod" && specifier !== "zod/mini")).toEqual([]);
  });
});

import { cp, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { scratchDir, startGenClient, until } from "../support/cli.js";
import { repoRoot } from "../support/sdk.js";

const schemas = (field: string) => `Thing:\n  type: object\n  properties:\n    ${field}: { type: string }\n`;

const summaries = (stdout: string) => stdout.split("\n").filter((line) => line.startsWith("gen-client: api.yaml → sdk: ")).length;
const fixture = path.join(repoRoot, "test/cli/fixtures/split-spec");

describe("gen-client --watch", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill();
  });

  it("regenerates when the spec or a file it $refs changes, and keeps the last good output on a bad edit", async () => {
    const dir = await scratchDir("watch");
    await cp(fixture, dir, { recursive: true });
    const spec = await readFile(path.join(dir, "api.yaml"), "utf8");
    const started = startGenClient(dir, "api.yaml", "--out", "sdk", "--watch");
    child = started.child;
    const { output } = started;
    const types = () => readFile(path.join(dir, "sdk/types.ts"), "utf8");

    await until(() => output.stderr.includes("watching for spec changes"), "the first run");
    expect(summaries(output.stdout)).toBe(1);
    expect(await types()).toContain("name?: string;");

    // A referenced file, saved in place.
    await writeFile(path.join(dir, "schemas.yaml"), schemas("title"));
    await until(() => summaries(output.stdout) === 2, "a run after editing schemas.yaml");
    expect(await types()).toContain("title?: string;");

    // An invalid edit: the error is printed and the SDK stays as it was.
    await writeFile(path.join(dir, "api.yaml"), `${spec}  /broken: [\n`);
    await until(() => output.stderr.includes("gen-client: error: api.yaml:"), "the error of the invalid edit");
    expect(output.stderr).toContain("gen-client: sdk keeps its last good output\n");
    expect(await types()).toContain("title?: string;");

    // Saved the way many editors do: a new file renamed over the old one.
    await writeFile(path.join(dir, "api.yaml.tmp"), spec.replace("title: Split", "title: Renamed"));
    await rename(path.join(dir, "api.yaml.tmp"), path.join(dir, "api.yaml"));
    await until(() => summaries(output.stdout) === 3, "a run after the rename-save");
    expect(await readFile(path.join(dir, "sdk/README.md"), "utf8")).toMatch(/^# Renamed\n/);
    expect(child.exitCode).toBe(null);
  });
});

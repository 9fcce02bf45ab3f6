import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { scratchDir, startGenClient, until } from "../support/cli.js";
import type { ChildProcess } from "node:child_process";

const spec = `openapi: 3.0.3
info: { title: Watched, version: "1" }
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "./schemas.yaml#/Thing" }
`;

const schemas = (field: string) => `Thing:\n  type: object\n  properties:\n    ${field}: { type: string }\n`;

const summaries = (stdout: string) => stdout.split("\n").filter((line) => line.startsWith("gen-client: api.yaml → sdk: ")).length;

describe("gen-client --watch", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill();
  });

  it("regenerates when the spec or a file it $refs changes, and keeps the last good output on a bad edit", async () => {
    const dir = await scratchDir("watch");
    await writeFile(path.join(dir, "api.yaml"), spec);
    await writeFile(path.join(dir, "schemas.yaml"), schemas("name"));
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
    await writeFile(path.join(dir, "api.yaml.tmp"), spec.replace("title: Watched", "title: Renamed"));
    await rename(path.join(dir, "api.yaml.tmp"), path.join(dir, "api.yaml"));
    await until(() => summaries(output.stdout) === 3, "a run after the rename-save");
    expect(await readFile(path.join(dir, "sdk/README.md"), "utf8")).toMatch(/^# Renamed\n/);
    expect(child.exitCode).toBe(null);
  });
});

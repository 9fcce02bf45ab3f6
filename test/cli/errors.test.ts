import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { genClient } from "../support/cli.js";

describe("the CLI on bad input", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "gen-client-cli-"));
    await writeFile(path.join(dir, "broken.yaml"), "openapi: 3.0.3\ninfo:\n  title: x\n  version: [1, 2\npaths: {}\n");
    await writeFile(path.join(dir, "broken.json"), '{\n  "openapi": "3.0.3",\n  "info": { "title": "x" "version": "1" }\n}\n');
    await writeFile(path.join(dir, "truncated.json"), '{\n  "openapi": "3.0.3",\n  "info": { "title": "x", "version": "1" },\n  "paths": {}\n');
    await writeFile(path.join(dir, "not-openapi.yaml"), "name: just some yaml\nitems: [1, 2]\n");
    await writeFile(path.join(dir, "version.yaml"), "openapi: 4.0.0\ninfo: { title: x, version: '1' }\npaths: {}\n");
    await writeFile(
      path.join(dir, "bad-ref.yaml"),
      [
        "openapi: 3.0.3",
        "info: { title: x, version: '1' }",
        "paths:",
        "  /pets:",
        "    get:",
        "      responses:",
        "        '200':",
        "          description: ok",
        "          content:",
        "            application/json:",
        "              schema:",
        "                $ref: '#/components/schemas/Missing'",
        "",
      ].join("\n"),
    );
  });

  it("names a missing file and exits 1 without writing anything", async () => {
    const result = await genClient(dir, "nope.yaml", "--out", "sdk");
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toBe("gen-client: error: nope.yaml: no such file: nope.yaml\n");
    expect(existsSync(path.join(dir, "sdk"))).toBe(false);
  });

  it("gives the line and column of invalid YAML", async () => {
    const result = await genClient(dir, "broken.yaml", "--out", "sdk");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^gen-client: error: broken\.yaml:5:1: invalid YAML\/JSON: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("gives JSON's reason, line and column for invalid JSON", async () => {
    const result = await genClient(dir, "broken.json", "--out", "sdk");
    expect(result).toEqual({ code: 1, stdout: "", stderr: "gen-client: error: broken.json:3:26: invalid JSON: expected ','\n" });
  });

  it("says a truncated JSON document ends early, where it ends, rather than giving a YAML parser's message", async () => {
    const result = await genClient(dir, "truncated.json", "--out", "sdk");
    expect(result).toEqual({ code: 1, stdout: "", stderr: "gen-client: error: truncated.json:4:14: invalid JSON: the document ends early: expected '}'\n" });
  });

  it("rejects a document that is not OpenAPI", async () => {
    const result = await genClient(dir, "not-openapi.yaml", "--out", "sdk");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("gen-client: error: not-openapi.yaml #: not an OpenAPI document: it has no `openapi` field\n");
  });

  it("rejects an unsupported OpenAPI version", async () => {
    const result = await genClient(dir, "version.yaml", "--out", "sdk");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('version.yaml #/openapi: unsupported OpenAPI version "4.0.0"');
  });

  it("locates an unresolvable $ref by pointer, line and column", async () => {
    const result = await genClient(dir, "bad-ref.yaml", "--out", "sdk");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'gen-client: error: bad-ref.yaml:12:17 #/paths/~1pets/get/responses/200/content/application~1json/schema/$ref: $ref "#/components/schemas/Missing" does not resolve\n',
    );
    expect(existsSync(path.join(dir, "sdk"))).toBe(false);
  });

  it("says what to do when given neither a spec nor a config file", async () => {
    const result = await genClient(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "gen-client: error: no spec given and no gen-client.config.{ts,mts,mjs,js,json} here; run `gen-client <spec> --out <dir>`, or see `gen-client --help`\n",
    );
  });
});

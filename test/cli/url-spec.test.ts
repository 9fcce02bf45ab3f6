import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { genClient, scratchDir } from "../support/cli.js";
import { startServer, type TestServer } from "../support/http-server.js";
import { repoRoot } from "../support/sdk.js";

const fixture = path.join(repoRoot, "test/cli/fixtures/split-spec");
const files: Readonly<Record<string, string>> = {
  "/specs/api.yaml": readFileSync(path.join(fixture, "api.yaml"), "utf8"),
  "/specs/schemas.yaml": readFileSync(path.join(fixture, "schemas.yaml"), "utf8"),
  "/specs/elsewhere.yaml": "openapi: 3.0.3\ninfo: { title: Elsewhere, version: '1' }\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: 'http://localhost:1/secret.yaml#/Thing' }\n",
};

describe("a spec given as an http(s) URL", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((request, response) => {
      const body = files[request.path];
      response.writeHead(body === undefined ? 404 : 200, { "content-type": "application/yaml" });
      response.end(body ?? "not found");
    });
  });
  afterAll(() => server.close());

  it("is fetched, with the $refs relative to it", async () => {
    const dir = await scratchDir("url");
    const result = await genClient(dir, `${server.url}/specs/api.yaml`, "--out", "sdk");
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(`gen-client: ${server.url}/specs/api.yaml → sdk: 1 operations`);
    expect(await readFile(path.join(dir, "sdk/types.ts"), "utf8")).toContain("name?: string;");
  });

  it("follows no $ref to another origin", async () => {
    const dir = await scratchDir("url");
    const result = await genClient(dir, `${server.url}/specs/elsewhere.yaml`, "--out", "sdk");
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `gen-client: error: ${server.url}/specs/elsewhere.yaml: cannot resolve $ref: "http://localhost:1/secret.yaml": a spec from a URL may $ref only its own origin\n`,
    });
  });

  it("names the URL when the server does not have it", async () => {
    const dir = await scratchDir("url");
    const result = await genClient(dir, `${server.url}/specs/missing.yaml`, "--out", "sdk");
    expect(result).toEqual({ code: 1, stdout: "", stderr: `gen-client: error: ${server.url}/specs/missing.yaml: cannot fetch ${server.url}/specs/missing.yaml (HTTP 404)\n` });
  });

  it("names the URL when nothing listens there", async () => {
    const dir = await scratchDir("url");
    const closed = await startServer(() => undefined);
    await closed.close();
    const url = `${closed.url}/api.yaml`;
    const result = await genClient(dir, url, "--out", "sdk");
    expect(result).toEqual({ code: 1, stdout: "", stderr: `gen-client: error: ${url}: cannot fetch ${url} (ECONNREFUSED)\n` });
  });
});

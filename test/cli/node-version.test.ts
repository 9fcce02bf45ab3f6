import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { satisfiesNodeRange } from "../../generator/cli/node-version.js";
import { genClient, genClientOn, olderNode, scratchDir } from "../support/cli.js";
import { fixturePath, repoRoot } from "../support/sdk.js";

const engines = (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;

describe("the Node versions gen-client supports", () => {
  it.each([
    ["20.20.2", false],
    ["22.18.0", false],
    ["22.19.0", true],
    ["22.23.3", true],
    ["23.11.0", false],
    ["24.0.0", true],
    ["26.1.0", true],
  ])("reads package.json's engines.node: %s supported is %s", (version, supported) => {
    expect(satisfiesNodeRange(version, engines)).toBe(supported);
  });
});

describe("gen-client generating on an unsupported Node", () => {
  it.skipIf(olderNode === undefined)("warns, naming the Node, the supported versions and the fix, and still generates", async () => {
    const dir = await scratchDir("old-node");
    const result = await genClientOn([olderNode ?? ""], dir, fixturePath("petstore.yaml"), "--out", "sdk");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^gen-client: warning: Node v(1\d|2[01])\.\d+\.\d+ is not a supported version \(\^22\.19\.0 \|\| >=24\.0\.0\)\. .*ky 2, which needs Node 22 or later.*npm install ky@\^2 zod@\^4`\.\n$/,
    );
    expect(result.stdout).toContain("13 operations");
  });

  it("says nothing of Node on a supported one", async () => {
    const dir = await scratchDir("supported-node");
    const result = await genClient(dir, fixturePath("petstore.yaml"), "--out", "sdk");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });
});

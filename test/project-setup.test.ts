/**
 * The README's first command, `npm install`, as a user of an older system Node runs it: npm on
 * that Node, the project's scripts on the Node 22 of the `node` devDependency.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/sdk.js";

const run = promisify(execFile);

/** npm as installed beside a Node older than 22 on PATH (a system Node 20, say). */
const olderNpm = process.env.PATH?.split(path.delimiter)
  .map((dir) => ({ node: path.join(dir, "node"), npm: path.join(dir, "../lib/node_modules/npm/bin/npm-cli.js") }))
  .find(({ node, npm }) => existsSync(npm) && /^v(1\d|2[01])\./.test(spawnSync(node, ["--version"], { encoding: "utf8" }).stdout ?? ""));

describe("npm install on a system Node older than the project's", () => {
  it.skipIf(olderNpm === undefined)("prints no engine warnings", async () => {
    const { node = "", npm = "" } = olderNpm ?? {};
    // What `npm install` checks and reports, without touching node_modules or the registry.
    const { stdout, stderr } = await run(node, [npm, "install", "--dry-run", "--offline", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: repoRoot });
    expect(stderr).not.toContain("EBADENGINE");
    expect(stderr).toBe("");
    // Only npm's summary: "up to date", or, after `npm ci` ran the `node` package's install script,
    // the removal of the platform binary that script added (still no warning).
    expect(stdout.trim()).toMatch(/(^up to date|removed \d+ packages?) in /);
    expect(stdout).not.toMatch(/warn/i);
  });
});

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { cli, scratchDir } from "../support/cli.js";
import { fixturePath } from "../support/sdk.js";

const run = promisify(execFile);

/** Runs the CLI on a pseudo-terminal (util-linux `script`), stdout and stderr merged as a user sees them. */
async function onTerminal(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  const dir = await scratchDir("tty");
  const command = [process.execPath, cli, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(" ");
  const { CI: _ci, NO_COLOR: _no, FORCE_COLOR: _force, ...rest } = process.env;
  const { stdout } = await run("script", ["-qec", command, "/dev/null"], { cwd: dir, env: { ...rest, ...env } });
  return stdout;
}

describe.skipIf(!existsSync("/usr/bin/script"))("the CLI on a terminal", () => {
  it("shows each phase while it runs, then the summary", async () => {
    const output = await onTerminal({ TERM: "xterm" }, fixturePath("petstore.yaml"), "--out", "sdk");
    for (const phase of ["load", "model", "emit", "write"]) expect(output).toContain(`petstore.yaml: ${phase}…`);
    expect(output).toContain("\x1b[2m"); // dimmed progress
    expect(output).toMatch(/\r\x1b\[2Kgen-client: \S+petstore\.yaml → sdk: 13 operations/);
  });

  it("uses no colors with NO_COLOR", async () => {
    const output = await onTerminal({ TERM: "xterm", NO_COLOR: "1" }, fixturePath("petstore.yaml"), "--out", "sdk");
    expect(output).toContain("petstore.yaml: emit…");
    expect(output).not.toMatch(/\x1b\[\d+m/);
  });

  it("shows no progress in CI", async () => {
    const output = await onTerminal({ TERM: "xterm", CI: "true" }, fixturePath("petstore.yaml"), "--out", "sdk");
    expect(output).not.toContain("load…");
    expect(output).toMatch(/^gen-client: \S+petstore\.yaml → sdk: 13 operations/);
  });
});

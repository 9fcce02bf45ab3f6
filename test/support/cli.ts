import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { fixturePath, repoRoot } from "./sdk.js";

const run = promisify(execFile);
export const cli = path.join(repoRoot, "bin/gen-client.js");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A Node older than 22 on PATH (a system Node 20, say), to run the CLI as a user of one would. */
export const olderNode: string | undefined = process.env.PATH?.split(path.delimiter)
  .map((dir) => path.join(dir, "node"))
  .find((node) => {
    const version = spawnSync(node, ["--version"], { encoding: "utf8" }).stdout;
    return typeof version === "string" && /^v(1\d|2[01])\./.test(version);
  });

/** Runs the built CLI as a user would, in `cwd`, without a TTY and outside CI mode. */
export async function genClient(cwd: string, ...args: string[]): Promise<CliRun> {
  return genClientOn([process.execPath], cwd, ...args);
}

/** Like `genClient`, on another Node or with Node options: `node` is the executable and its arguments. */
export async function genClientOn(node: readonly [string, ...string[]], cwd: string, ...args: string[]): Promise<CliRun> {
  const [executable, ...options] = node;
  try {
    const { stdout, stderr } = await run(executable, [...options, cli, ...args], { cwd, env: cliEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** Starts the CLI (e.g. with --watch) and collects its output as it comes. */
export function startGenClient(cwd: string, ...args: string[]): { readonly child: ChildProcess; readonly output: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, [cli, ...args], { cwd, env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
  return { child, output };
}

/** Polls until `condition` holds; the test's own timeout bounds the wait. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A fresh folder for one test inside the repo (.tmp/cli, git-ignored), so a config file there
 * can `import { defineConfig } from "gen-client"`: the package resolves to itself. Not under
 * test/.out, whose own package.json (written for type-checks) would hide the repo's.
 */
export async function scratchDir(name: string): Promise<string> {
  const root = path.join(repoRoot, ".tmp/cli");
  await mkdir(root, { recursive: true });
  return mkdtemp(path.join(root, `${name}-`));
}

/** A scratch copy of test/cli/fixtures/<name>, with the petstore and pagination fixtures under specs/. */
export async function copyProject(name: string): Promise<string> {
  const dir = await scratchDir(name);
  await cp(path.join(repoRoot, "test/cli/fixtures", name), dir, { recursive: true });
  for (const spec of ["petstore.yaml", "pagination.yaml"]) await cp(fixturePath(spec), path.join(dir, "specs", spec));
  return dir;
}

function cliEnv(): NodeJS.ProcessEnv {
  const { CI: _ci, FORCE_COLOR: _force, ...env } = process.env;
  return { ...env, NO_COLOR: "1" };
}

/**
 * The runtimes of the matrix, installed from npm into a scratch prefix (test/.out/runtimes/tools)
 * rather than as devDependencies: together they weigh about 350 MB, which every `npm ci` would
 * otherwise download. Chromium is Debian's (`apt-get install chromium`, see .ci/runtimes.sh):
 * Playwright's own browser download does not work on a closed network.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { outRoot, repoRoot } from "../support/sdk.js";

/** Exact versions, so that a run is reproducible; raise them on purpose. */
export const TOOL_VERSIONS = {
  deno: "2.9.6",
  bun: "1.4.5",
  miniflare: "4.20260426.0",
  "playwright-core": "1.65.2",
  esbuild: "0.28.2",
} as const;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const runtimesOut = path.join(outRoot, "runtimes");
export const toolsPrefix = path.join(runtimesOut, "tools");
export const bundleDir = path.join(runtimesOut, "bundle");

/** The folder where a ky older than 2 is installed, as `npm install ky zod` does on Node 20. */
export const oldKyPrefix = path.join(runtimesOut, "old-ky");
export const OLD_KY_VERSION = "1.14.3";

/** A bundle of entries/old-ky.ts in the old ky's folder, and its copy beside the project's ky 2. */
export const oldKyApp = path.join(oldKyPrefix, "app.mjs");
export const currentKyApp = path.join(runtimesOut, "current-ky-app.mjs");

export function toolBin(name: "deno" | "bun"): string {
  return path.join(toolsPrefix, "node_modules/.bin", name);
}

/** Imports a package installed in the tools prefix. */
export async function importTool<T>(name: keyof typeof TOOL_VERSIONS): Promise<T> {
  const manifest = path.join(toolsPrefix, "node_modules", name, "package.json");
  return (await import(createRequire(manifest).resolve(name))) as T;
}

const run = promisify(execFile);

/** Installs the tools unless the prefix already holds these versions; returns the seconds spent. */
export function installTools(): Promise<number> {
  return installInto(toolsPrefix, TOOL_VERSIONS);
}

export function installOldKy(): Promise<number> {
  return installInto(oldKyPrefix, { ky: OLD_KY_VERSION });
}

async function installInto(prefix: string, packages: Readonly<Record<string, string>>): Promise<number> {
  const started = performance.now();
  const missing = Object.entries(packages).filter(([name, version]) => {
    const manifest = path.join(prefix, "node_modules", name, "package.json");
    return !existsSync(manifest) || readVersion(manifest) !== version;
  });
  if (missing.length === 0) return 0;
  const specs = Object.entries(packages).map(([name, version]) => `${name}@${version}`);
  // The runtimes carry their binaries as optional platform dependencies: no install script runs.
  await run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--no-package-lock", "--prefix", prefix, ...specs], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  return (performance.now() - started) / 1000;
}

function readVersion(manifest: string): string {
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/**
 * Runs the CLI on one spec as a child process, exactly as a user would:
 * `node bin/gen-client.js <spec> --out corpus/.work/out/<folder> -q`, with a time limit (bin/ of the
 * run's snapshot of the build, see paths.ts).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { runChild } from "./pool.ts";
import { LOG_DIR, NODE, OUT_DIR, ROOT, SNAPSHOT_DIR } from "./paths.ts";
import type { SampledSpec } from "./sample.ts";

export type GenOutcome =
  | { readonly status: "ok"; readonly seconds: number; readonly operations?: number; readonly schemas?: number }
  | { readonly status: "gen-error"; readonly seconds: number; readonly message: string }
  | { readonly status: "crash"; readonly seconds: number; readonly message: string }
  | { readonly status: "timeout"; readonly seconds: number; readonly message: string };

function newestMtime(dir: string, suffix: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith(suffix)) newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

export interface Snapshot {
  /** The snapshot's CLI entry point. */
  readonly bin: string;
  /** When dist/generator was last written. */
  readonly builtAt: string;
  /** Whether a file in generator/ is newer than the build (dist may not be what the sources say). */
  readonly staleBuild: boolean;
}

/** Copies the built CLI to corpus/.work/gen-client, so that one run uses one generator build. */
export function snapshotGenerator(): Snapshot {
  rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  for (const part of ["bin", "dist/generator", "runtime", "templates", "package.json"]) {
    cpSync(join(ROOT, part), join(SNAPSHOT_DIR, part), { recursive: true });
  }
  const built = newestMtime(join(SNAPSHOT_DIR, "dist", "generator"), ".js");
  return {
    bin: join(SNAPSHOT_DIR, "bin", "gen-client.js"),
    builtAt: new Date(built).toISOString(),
    staleBuild: newestMtime(join(ROOT, "generator"), ".ts") > built,
  };
}

export function outDirOf(spec: SampledSpec): string {
  return join(OUT_DIR, spec.folder);
}

/** The part of a CLI error line after `gen-client: error: <file>`, without the spec's path. */
function errorLine(stderr: string, spec: SampledSpec, prefix: string): string | undefined {
  const line = stderr.split("\n").find((l) => l.startsWith(prefix));
  if (line === undefined) return undefined;
  const rest = line.slice(prefix.length).trim();
  return rest.startsWith(spec.file) ? rest.slice(spec.file.length).replace(/^:/, "").trim() : rest;
}

function lastLines(text: string, n = 3): string {
  return text.trim().split("\n").slice(-n).join(" | ").slice(0, 300);
}

export async function generateOne(spec: SampledSpec, bin: string, timeoutSec: number): Promise<GenOutcome> {
  const out = outDirOf(spec);
  rmSync(out, { recursive: true, force: true });
  const result = await runChild(NODE, [bin, spec.file, "--out", relative(ROOT, out), "-q"], { cwd: ROOT, timeoutSec });
  mkdirSync(LOG_DIR, { recursive: true });
  writeFileSync(
    join(LOG_DIR, `${spec.folder}.gen.log`),
    `exit ${String(result.exitCode)} signal ${String(result.signal)} timedOut ${String(result.timedOut)} ${result.seconds.toFixed(2)} s\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}\n`,
  );
  const seconds = Number(result.seconds.toFixed(2));
  if (result.timedOut) return { status: "timeout", seconds, message: `no result after ${timeoutSec} s` };
  if (result.exitCode === 0) {
    if (!existsSync(join(out, "client.ts"))) return { status: "crash", seconds, message: "exit 0 but no client.ts was written" };
    const m = /(\d+) operations\b[^,]*, (\d+) schemas/.exec(result.stdout);
    return m ? { status: "ok", seconds, operations: Number(m[1]), schemas: Number(m[2]) } : { status: "ok", seconds };
  }
  if (result.exitCode === 1) {
    return { status: "gen-error", seconds, message: errorLine(result.stderr, spec, "gen-client: error:") ?? lastLines(result.stderr) };
  }
  if (result.exitCode === 70) {
    return { status: "crash", seconds, message: errorLine(result.stderr, spec, "gen-client: internal error:") ?? lastLines(result.stderr) };
  }
  const how = result.signal !== null ? `killed by ${result.signal}` : `exit ${String(result.exitCode)}`;
  const oom = /heap out of memory|Allocation failed/.test(result.stderr) ? " (out of memory)" : "";
  return { status: "crash", seconds, message: `${how}${oom}: ${lastLines(result.stderr)}` };
}

/**
 * Runs the CLI on one spec as a child process, exactly as a user would:
 * `node bin/gen-client.js <spec> --out corpus/.work/out/<folder> -q`, with a time limit (bin/ of the
 * run's snapshot of the build, see paths.ts).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { runChild, type Usage } from "./pool.ts";
import { LOG_DIR, NODE, OUT_DIR, ROOT, SNAPSHOT_DIR } from "./paths.ts";
import type { SampledSpec } from "./sample.ts";

/** Per warning code: how many, and the first one's text (`<pointer>: <message>`). */
export type WarningCounts = Readonly<Record<string, { readonly count: number; readonly first: string }>>;

interface Measured {
  readonly seconds: number;
  readonly usage?: Usage;
}

export type GenOutcome =
  | (Measured & { readonly status: "ok"; readonly operations?: number; readonly schemas?: number; readonly warnings?: WarningCounts })
  | (Measured & { readonly status: "gen-error" | "crash" | "timeout"; readonly message: string });

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
  for (const part of ["bin", "dist", "runtime", "templates", "package.json"]) {
    // Timestamps kept: the newest file of dist/ dates the build the report names.
    cpSync(join(ROOT, part), join(SNAPSHOT_DIR, part), { recursive: true, preserveTimestamps: true });
  }
  const built = newestMtime(join(SNAPSHOT_DIR, "dist", "generator"), ".js");
  return {
    bin: join(SNAPSHOT_DIR, "bin", "gen-client.js"),
    builtAt: new Date(built).toISOString(),
    staleBuild: newestMtime(join(ROOT, "generator"), ".ts") > built,
  };
}

export function outDirOf(spec: Pick<SampledSpec, "folder">): string {
  return join(OUT_DIR, spec.folder);
}

/** The part of a CLI error line after `gen-client: error: <file>`, without the spec's path. */
function errorLine(stderr: string, spec: Pick<SampledSpec, "file">, prefix: string): string | undefined {
  const line = stderr.split("\n").find((l) => l.startsWith(prefix));
  if (line === undefined) return undefined;
  const rest = line.slice(prefix.length).trim();
  return rest.startsWith(spec.file) ? rest.slice(spec.file.length).replace(/^:/, "").trim() : rest;
}

function lastLines(text: string, n = 3): string {
  return text.trim().split("\n").slice(-n).join(" | ").slice(0, 300);
}

const WARNING_LINE = /^gen-client: warning: (.*) \[([a-z-]+)\]$/;

/** Counts the CLI's warning lines (`gen-client: warning: <file> <pointer>: <message> [<code>]`) by code. */
export function countWarnings(stderr: string, specFile: string): WarningCounts {
  const counts: Record<string, { count: number; first: string }> = {};
  for (const line of stderr.split("\n")) {
    const m = WARNING_LINE.exec(line);
    if (!m) continue;
    const code = m[2]!;
    const entry = counts[code];
    if (entry) entry.count++;
    else counts[code] = { count: 1, first: (m[1]!.startsWith(specFile) ? m[1]!.slice(specFile.length) : m[1]!).trim().slice(0, 300) };
  }
  return counts;
}

export interface GenerateOptions {
  /** Print warnings (counted into the outcome) rather than pass `-q`. */
  readonly warnings?: boolean;
  /** Measure CPU time and max RSS with /usr/bin/time, which writes them to this file. */
  readonly usageFile?: string;
}

export async function generateOne(spec: Pick<SampledSpec, "file" | "folder">, bin: string, timeoutSec: number, options: GenerateOptions = {}): Promise<GenOutcome> {
  const out = outDirOf(spec);
  rmSync(out, { recursive: true, force: true });
  const args = [bin, spec.file, "--out", relative(ROOT, out), ...(options.warnings === true ? [] : ["-q"])];
  const result = await runChild(NODE, args, { cwd: ROOT, timeoutSec, ...(options.usageFile !== undefined && { usageFile: options.usageFile }) });
  mkdirSync(LOG_DIR, { recursive: true });
  writeFileSync(
    join(LOG_DIR, `${spec.folder}.gen.log`),
    `exit ${String(result.exitCode)} signal ${String(result.signal)} timedOut ${String(result.timedOut)} ${result.seconds.toFixed(2)} s\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}\n`,
  );
  const measured: Measured = { seconds: Number(result.seconds.toFixed(2)), ...(result.usage !== undefined && { usage: result.usage }) };
  if (result.timedOut) return { ...measured, status: "timeout", message: `no result after ${timeoutSec} s` };
  if (result.exitCode === 0) {
    if (!existsSync(join(out, "client.ts"))) return { ...measured, status: "crash", message: "exit 0 but no client.ts was written" };
    const m = /(\d+) operations\b[^,]*, (\d+) schemas/.exec(result.stdout);
    const warnings = options.warnings === true ? { warnings: countWarnings(result.stderr, spec.file) } : {};
    return m ? { ...measured, status: "ok", operations: Number(m[1]), schemas: Number(m[2]), ...warnings } : { ...measured, status: "ok", ...warnings };
  }
  if (result.exitCode === 1) {
    return { ...measured, status: "gen-error", message: errorLine(result.stderr, spec, "gen-client: error:") ?? lastLines(result.stderr) };
  }
  if (result.exitCode === 70) {
    return { ...measured, status: "crash", message: errorLine(result.stderr, spec, "gen-client: internal error:") ?? lastLines(result.stderr) };
  }
  const how = result.signal !== null ? `killed by ${result.signal}` : `exit ${String(result.exitCode)}`;
  const oom = /heap out of memory|Allocation failed/.test(result.stderr) ? " (out of memory)" : "";
  return { ...measured, status: "crash", message: `${how}${oom}: ${lastLines(result.stderr)}` };
}

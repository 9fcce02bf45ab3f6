/**
 * Type-checks generated SDKs with TypeScript 7 (native) under the strictest options the README
 * promises, in batches: one `tsc -p` per batch of SDK folders (each SDK is a set of ES modules, so
 * they cannot clash), each diagnostic attributed to its SDK by its path. A batch that times out,
 * crashes, or reports an error no SDK can be blamed for is re-run one SDK at a time.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { checkUncheckedModulesToo } from "../generator/emit/unchecked.ts";
import { mapPool, runChild, type Usage } from "./pool.ts";
import { LOG_DIR, NODE, OUT_DIR, ROOT, TSC7, TSCONFIG_DIR } from "./paths.ts";

export const COMPILER_OPTIONS = {
  target: "ES2023",
  lib: ["ES2023", "DOM", "DOM.Iterable"],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
} as const;

export interface Diagnostic {
  /** Path inside the SDK folder, e.g. `schemas.ts`; empty for a diagnostic with no file. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  /** The first line of the message. */
  readonly message: string;
}

export type TscOutcome =
  | { readonly status: "ok" }
  | { readonly status: "errors"; readonly count: number; readonly codes: Readonly<Record<string, number>>; readonly top: Diagnostic; readonly inRuntimeOnly: boolean }
  | { readonly status: "timeout" | "failed"; readonly message: string };

/** ES modules for NodeNext, and ky/zod resolvable from every SDK folder. */
export function prepareOutRoot(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, "package.json"), `${JSON.stringify({ type: "module", private: true }, null, 2)}\n`);
  const link = join(OUT_DIR, "node_modules");
  rmSync(link, { recursive: true, force: true });
  symlinkSync(join(ROOT, "node_modules"), link, "dir");
}

function tsBytes(dir: string): number {
  let bytes = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith(".ts")) bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return bytes;
}

/** Groups folders into batches of at most `maxSdks` SDKs and about `maxBytes` of TypeScript. */
export function batches(folders: readonly string[], maxSdks: number, maxBytes = 6_000_000): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const folder of folders) {
    const size = tsBytes(join(OUT_DIR, folder));
    if (current.length > 0 && (current.length >= maxSdks || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(folder);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface ParsedOutput {
  readonly perFolder: Map<string, Diagnostic[]>;
  /** Diagnostics with no file, or a file outside every SDK folder. */
  readonly unattributed: Diagnostic[];
}

const WITH_FILE = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;
const WITHOUT_FILE = /^error (TS\d+): (.*)$/;

export function parseDiagnostics(output: string, folders: readonly string[]): ParsedOutput {
  const known = new Set(folders);
  const perFolder = new Map<string, Diagnostic[]>();
  const unattributed: Diagnostic[] = [];
  for (const line of output.split("\n")) {
    const withFile = WITH_FILE.exec(line);
    if (withFile) {
      const [, file, l, c, code, message] = withFile as unknown as [string, string, string, string, string, string];
      const abs = isAbsolute(file) ? file : resolve(ROOT, file);
      const rel = relative(OUT_DIR, abs);
      const folder = rel.split(sep)[0] ?? "";
      const diagnostic: Diagnostic = { file: rel.split(sep).slice(1).join("/"), line: Number(l), column: Number(c), code, message };
      if (!rel.startsWith("..") && known.has(folder)) {
        const list = perFolder.get(folder) ?? [];
        list.push(diagnostic);
        perFolder.set(folder, list);
      } else {
        unattributed.push({ ...diagnostic, file: relative(ROOT, abs) });
      }
      continue;
    }
    const withoutFile = WITHOUT_FILE.exec(line);
    if (withoutFile) unattributed.push({ file: "", line: 0, column: 0, code: withoutFile[1]!, message: withoutFile[2]! });
  }
  return { perFolder, unattributed };
}

export function summarise(diagnostics: readonly Diagnostic[]): TscOutcome {
  if (diagnostics.length === 0) return { status: "ok" };
  const codes: Record<string, number> = {};
  for (const d of diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
  const topCode = Object.entries(codes).sort((a, b) => b[1] - a[1])[0]![0];
  const top = diagnostics.find((d) => d.code === topCode)!;
  return { status: "errors", count: diagnostics.length, codes, top, inRuntimeOnly: diagnostics.every((d) => d.file.startsWith("runtime/")) };
}

async function runTsc(
  folders: readonly string[],
  name: string,
  timeoutSec: number,
  measure?: { usageFile: string },
): Promise<{ output: string; timedOut: boolean; exitCode: number | null; signal: string | null; seconds: number; usage?: Usage }> {
  mkdirSync(TSCONFIG_DIR, { recursive: true });
  const config = join(TSCONFIG_DIR, `${name}.json`);
  writeFileSync(config, `${JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: folders.map((f) => `../${f}/**/*.ts`) }, null, 2)}\n`);
  // Measured runs are single-threaded, so that their CPU time and memory belong to one job slot.
  const args = [TSC7, "-p", config, "--pretty", "false", ...(measure === undefined ? [] : ["--singleThreaded"])];
  const result = await runChild(NODE, args, { cwd: ROOT, timeoutSec, ...measure });
  const output = `${result.stdout}${result.stderr}`;
  mkdirSync(LOG_DIR, { recursive: true });
  writeFileSync(join(LOG_DIR, `tsc-${name}.log`), `exit ${String(result.exitCode)} signal ${String(result.signal)} ${result.seconds.toFixed(1)} s\n${folders.join("\n")}\n---\n${output}`);
  return { output, timedOut: result.timedOut, exitCode: result.exitCode, signal: result.signal, seconds: result.seconds, ...(result.usage !== undefined && { usage: result.usage }) };
}

/** Type-checks one SDK on its own, measuring tsc's CPU time and memory (the full run's way). */
export async function typecheckOne(folder: string, timeoutSec: number, usageFile: string): Promise<{ outcome: TscOutcome; seconds: number; usage?: Usage }> {
  checkUncheckedModulesToo(join(OUT_DIR, folder));
  const r = await runTsc([folder], `single-${folder}`, timeoutSec, { usageFile });
  rmSync(join(TSCONFIG_DIR, `single-${folder}.json`), { force: true });
  const parsed = parseDiagnostics(r.output, [folder]);
  const diagnostics = [...(parsed.perFolder.get(folder) ?? []), ...parsed.unattributed];
  const measured = { seconds: Number(r.seconds.toFixed(2)), ...(r.usage !== undefined && { usage: r.usage }) };
  if (r.timedOut) return { ...measured, outcome: { status: "timeout", message: `tsc took longer than ${timeoutSec} s` } };
  if (diagnostics.length === 0 && r.exitCode !== 0) {
    return { ...measured, outcome: { status: "failed", message: `tsc exit ${String(r.exitCode)}${r.signal ? ` (${r.signal})` : ""}: ${r.output.trim().split("\n").slice(-2).join(" | ").slice(0, 300)}` } };
  }
  return { ...measured, outcome: summarise(diagnostics) };
}

export async function typecheckAll(
  folders: readonly string[],
  options: { batchSize: number; jobs: number; timeoutSec: number },
  log: (line: string) => void,
): Promise<Map<string, TscOutcome>> {
  const outcomes = new Map<string, TscOutcome>();
  for (const folder of folders) checkUncheckedModulesToo(join(OUT_DIR, folder));
  const groups = batches(folders, options.batchSize);
  log(`type-checking ${folders.length} SDKs in ${groups.length} batches`);
  const retry: string[] = [];
  await mapPool(groups, options.jobs, async (group, i) => {
    const name = `batch-${String(i + 1).padStart(3, "0")}`;
    const r = await runTsc(group, name, options.timeoutSec);
    const parsed = parseDiagnostics(r.output, group);
    const broken = r.timedOut || r.signal !== null || (r.exitCode !== 0 && parsed.perFolder.size === 0) || parsed.unattributed.length > 0;
    const errors = [...parsed.perFolder.values()].reduce((n, d) => n + d.length, 0);
    log(`tsc ${name}: ${group.length} SDKs, ${r.seconds.toFixed(0)} s, ${errors} errors in ${parsed.perFolder.size} SDKs${broken ? `; re-running one by one (${r.timedOut ? "timed out" : `exit ${String(r.exitCode)}, ${parsed.unattributed.length} unattributed`})` : ""}`);
    if (group.length > 1 && broken) {
      retry.push(...group);
      return;
    }
    for (const folder of group) {
      if (r.timedOut) outcomes.set(folder, { status: "timeout", message: `tsc took longer than ${options.timeoutSec} s` });
      else if (broken && parsed.unattributed.length === 0 && (parsed.perFolder.get(folder) ?? []).length === 0) {
        outcomes.set(folder, { status: "failed", message: `tsc exit ${String(r.exitCode)}${r.signal ? ` (${r.signal})` : ""}: ${r.output.trim().split("\n").slice(-2).join(" | ").slice(0, 300)}` });
      } else outcomes.set(folder, summarise([...(parsed.perFolder.get(folder) ?? []), ...parsed.unattributed]));
    }
  });
  if (retry.length > 0) {
    await mapPool(retry, options.jobs, async (folder) => {
      const r = await runTsc([folder], `single-${folder}`, options.timeoutSec);
      const parsed = parseDiagnostics(r.output, [folder]);
      const diagnostics = [...(parsed.perFolder.get(folder) ?? []), ...parsed.unattributed];
      if (r.timedOut) outcomes.set(folder, { status: "timeout", message: `tsc took longer than ${options.timeoutSec} s` });
      else if (diagnostics.length === 0 && r.exitCode !== 0) {
        outcomes.set(folder, { status: "failed", message: `tsc exit ${String(r.exitCode)}${r.signal ? ` (${r.signal})` : ""}: ${r.output.trim().split("\n").slice(-2).join(" | ").slice(0, 300)}` });
      } else outcomes.set(folder, summarise(diagnostics));
      log(`tsc ${folder} alone: ${r.seconds.toFixed(0)} s, ${diagnostics.length} errors${r.timedOut ? ", TIMEOUT" : ""}`);
    });
  }
  return outcomes;
}

export function hasOutput(folder: string): boolean {
  return existsSync(join(OUT_DIR, folder, "client.ts"));
}

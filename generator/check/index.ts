/**
 * `gen-client --check`: regenerates an SDK in memory and compares it with the committed one. The
 * files say whether it is out of date; the stored API surfaces say what that means for the
 * SDK's users, change by change, breaking or not.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { generate, type GenerateOptions } from "../generate.js";
import { packageVersion } from "../package-files.js";
import { diffSurfaces, type SurfaceChange } from "../surface/diff.js";
import { MANIFEST, SURFACE_FILE } from "../sdk-state.js";
import { parseSurface } from "../surface/file.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import { planWrite } from "../write/index.js";
import { recordedRuntime } from "../write/manifest.js";

export type { ChangeKind, SurfaceChange } from "../surface/diff.js";

export interface FileChange {
  /** Relative to the SDK's folder, with `/` separators; a shared runtime's files start with `../`. */
  readonly path: string;
  /** `added`: generated now, missing on disk; `removed`: a generated file no longer generated. */
  readonly change: "added" | "modified" | "removed";
}

export interface CheckReport {
  /** The SDK's folder, as given. */
  readonly out: string;
  /** The spec, as given. */
  readonly spec: string;
  /** Whether every file gen-client would write is on disk byte for byte, and no stale one is. */
  readonly upToDate: boolean;
  /** Relative paths of the files that differ: added, modified or removed. */
  readonly changedFiles: readonly string[];
  /** The same, with what happened to each. */
  readonly fileChanges: readonly FileChange[];
  /** What changed for the SDK's users; empty when nothing did or when `surfaceCompared` is false. */
  readonly changes: readonly SurfaceChange[];
  /** How many of `changes` break code written against the committed SDK. */
  readonly breaking: number;
  /**
   * Whether the committed SDK had a stored API surface to compare with. SDKs written by older
   * gen-client versions have none: then only files are compared.
   */
  readonly surfaceCompared: boolean;
  /** The gen-client version the committed SDK was written by (from its runtime copy), and this one. */
  readonly generatorVersion: { readonly committed: string | undefined; readonly current: string };
}

/** Compares the SDK in `options.out` with what `generate(options)` makes of the spec now. */
export async function checkSdk(options: GenerateOptions & { readonly out: string }): Promise<CheckReport> {
  const result = await generate(options);
  const shared = result.sharedRuntime;
  const fileChanges = [...(await folderChanges(options.out, result.files)), ...(shared === undefined ? [] : await sharedRuntimeChanges(options.out, shared.path, shared.files))].sort(
    (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  const committedSurface = await readOptional(path.join(options.out, SURFACE_FILE));
  const surfaceCompared = committedSurface !== undefined;
  const changes =
    committedSurface === undefined || fileChanges.length === 0
      ? []
      : diffSurfaces(parseSurface(committedSurface, path.join(options.out, SURFACE_FILE)), result.surface);
  return {
    out: options.out,
    spec: options.spec,
    upToDate: fileChanges.length === 0,
    changedFiles: fileChanges.map((file) => file.path),
    fileChanges,
    changes,
    breaking: changes.filter((change) => change.breaking).length,
    surfaceCompared,
    // The committed runtime is where the SDK was written with, whatever the runtime option says now.
    generatorVersion: { committed: await committedVersion((await recordedRuntime(options.out)) ?? path.join(options.out, "runtime")), current: packageVersion() },
  };
}

/**
 * What writing `files` into `dir` would add, modify or remove: `writeSdk`'s own plan. Removed are
 * files an earlier run generated (as its manifest lists them) that gen-client would not generate
 * now, never a user's file. The manifest is bookkeeping, not reported.
 */
async function folderChanges(dir: string, files: readonly EmittedFile[]): Promise<FileChange[]> {
  const plan = await planWrite(dir, files);
  return [
    ...plan.changed.filter((file) => file.path !== MANIFEST).map((file): FileChange => ({ path: file.path, change: plan.added.has(file.path) ? "added" : "modified" })),
    ...plan.stale.map((file): FileChange => ({ path: file, change: "removed" })),
  ];
}

/** The shared runtime folder's changes, its paths relative to the SDK's folder. */
async function sharedRuntimeChanges(out: string, dir: string, files: readonly EmittedFile[]): Promise<FileChange[]> {
  const fromOut = path.relative(out, dir).split(path.sep).join("/");
  return (await folderChanges(dir, files)).map((change) => ({ ...change, path: `${fromOut}/${change.path}` }));
}

/** The version in the committed runtime's header: `// Copied from the runtime of gen-client 0.1.0.` */
async function committedVersion(runtimeDir: string): Promise<string | undefined> {
  const text = await readOptional(path.join(runtimeDir, "index.ts"));
  return text === undefined ? undefined : /^\/\/ Copied from the runtime of gen-client (\S+?)\.\s/.exec(text)?.[1];
}

async function readOptional(file: string): Promise<string | undefined> {
  return readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
    throw error;
  });
}

/** The report for a terminal: a headline, then one line per change (breaking ones first), then the files. */
export function formatCheckReport(report: CheckReport): string {
  // Names and routes come from the spec: control characters in them are shown escaped, never sent to the terminal.
  return reportLines(report)
    .map((line) => line.replace(/[\p{Cc}\u2028\u2029]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`))
    .join("\n");
}

function reportLines(report: CheckReport): string[] {
  if (report.upToDate) return [`${report.out} is up to date with ${report.spec}.`];
  const { changes, fileChanges, generatorVersion } = report;
  if (fileChanges.every((file) => file.change === "added") && fileChanges.some((file) => file.path === "index.ts")) {
    return [`${report.out} is out of date with ${report.spec}: no SDK has been generated there yet.`];
  }
  const lines: string[] = [];
  const counted = changes.length > 0 ? ` (${plural(changes.length, "change")}, ${report.breaking} breaking)` : "";
  lines.push(`${report.out} is out of date with ${report.spec}${counted}:`);
  const ordered = [...changes.filter((change) => change.breaking), ...changes.filter((change) => !change.breaking)];
  for (const change of ordered) lines.push(`  ${label(change).padEnd(9)} ${change.message}`);
  if (!report.surfaceCompared) {
    lines.push(`  (${report.out} has no ${SURFACE_FILE}: it was written by an older gen-client, so only its files are compared)`);
  } else if (changes.length === 0) {
    lines.push("  the API is unchanged: only documentation, generated code or the runtime differ");
  }
  if (generatorVersion.committed !== generatorVersion.current) {
    lines.push(`  generator: gen-client ${generatorVersion.committed ?? "(unknown)"} → ${generatorVersion.current}`);
  }
  for (const kind of ["modified", "added", "removed"] as const) {
    const paths = fileChanges.filter((file) => file.change === kind).map((file) => file.path);
    if (paths.length > 0) lines.push(`  ${kind} files: ${abbreviated(paths, 8)}`);
  }
  return lines;
}

function label(change: SurfaceChange): string {
  if (change.breaking) return "breaking";
  if (/^added-|-added$/.test(change.kind)) return "added";
  return "changed";
}

function abbreviated(items: readonly string[], max: number): string {
  return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { GenError } from "../errors.js";
import type { EmittedFile } from "../emit/emitted-file.js";
import { assertCleanable, listFiles, removeEmptyFolders } from "./clean.js";
import { MANIFEST } from "../sdk-state.js";
import { isInside, manifestFile, previouslyGenerated } from "./manifest.js";

export interface WriteOptions {
  /**
   * Also delete every file in the folder that is not part of the SDK, the user's own included.
   * Refused for a folder that holds the working directory or `sources`, or looks like a project root.
   * @default false
   */
  readonly clean?: boolean;
  /** The spec's files (`GenerateResult.sources`), which `clean` must never delete. */
  readonly sources?: readonly string[];
  /**
   * The shared runtime folder the SDK imports (`GenerateResult.sharedRuntime.path`), recorded in
   * the folder's manifest: a later `generate()` or `--check` that names no runtime keeps it.
   */
  readonly sharedRuntime?: string;
}

export interface WriteResult {
  /** Relative paths, `/`-separated, sorted. */
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}

export interface WritePlan {
  /** The files to write (the manifest among them), in order. */
  readonly changed: readonly EmittedFile[];
  /** Those of `changed` that are not on disk yet. */
  readonly added: ReadonlySet<string>;
  readonly unchanged: readonly string[];
  /** Files an earlier run generated (or with `clean`, any file) that no longer belong: removed by writing. */
  readonly stale: readonly string[];
}

/** What writing `files` into `outDir` would change, without changing anything: what `writeSdk` does, and `--check` reports. */
export async function planWrite(outDir: string, files: readonly EmittedFile[], options: WriteOptions = {}): Promise<WritePlan> {
  const out = path.resolve(outDir);
  const runtime = options.sharedRuntime === undefined ? undefined : path.relative(out, path.resolve(options.sharedRuntime)).split(path.sep).join("/");
  const all = [...files, manifestFile(files.map((file) => file.path), runtime)];
  const changed: EmittedFile[] = [];
  const added = new Set<string>();
  const unchanged: string[] = [];
  for (const file of all) {
    const current = await readFile(path.join(out, file.path), "utf8").catch(() => undefined);
    if (current === file.contents) unchanged.push(file.path);
    else changed.push(file);
    if (current === undefined) added.add(file.path);
  }
  const belongs = new Set(all.map((file) => file.path));
  const candidates = options.clean === true ? await listFiles(out) : await previouslyGenerated(out);
  const present = new Set(options.clean === true ? candidates : await listFiles(out));
  const stale = candidates.filter((file) => !belongs.has(file) && present.has(file)).sort();
  return { changed, added, unchanged, stale };
}

/**
 * Writes an SDK (or a shared runtime folder) so a failure never leaves half-written files: everything is staged in a temp
 * folder beside the output first, then each changed file is renamed into place. Unchanged files
 * are not touched, so their mtimes survive and build tools don't rebuild them. Files an earlier
 * run generated that are no longer part of the SDK are removed (see write/manifest.ts); other
 * files only with `clean`.
 */
export async function writeSdk(outDir: string, files: readonly EmittedFile[], options: WriteOptions = {}): Promise<WriteResult> {
  if (options.clean === true) assertCleanable(outDir, options.sources ?? []);
  const out = path.resolve(outDir);
  // Each folder is written on its own, with its own manifest: nothing may reach out of it.
  const outside = files.find((file) => !isInside(out, file.path));
  if (outside !== undefined) throw new GenError("invalid-options", `refusing to write ${outside.path}: it is not inside ${outDir}`);
  const { changed, unchanged, stale } = await planWrite(outDir, files, options);
  try {
    if (changed.length > 0) await moveIntoPlace(out, changed);
    for (const file of stale) await rm(path.join(out, file), { force: true });
    await removeEmptyFolders(out, stale);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new GenError("write-failed", `cannot write the SDK to ${outDir} (${code})`, { file: outDir });
  }
  // The manifest is bookkeeping, not part of the SDK: it is not reported.
  const sdk = (file: string) => file !== MANIFEST;
  return { written: changed.map((file) => file.path).filter(sdk).sort(), unchanged: unchanged.filter(sdk).sort(), removed: stale };
}

async function moveIntoPlace(out: string, changed: readonly EmittedFile[]): Promise<void> {
  await mkdir(path.dirname(out), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(out), `.${path.basename(out)}.gen-client-`));
  try {
    for (const file of changed) {
      const target = path.join(staging, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    for (const file of changed) {
      const target = path.join(out, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(path.join(staging, file.path), target);
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

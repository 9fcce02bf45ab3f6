import { existsSync } from "node:fs";
import { readdir, rmdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { GenError } from "../errors.js";

/**
 * `--clean` deletes every file in the output folder that is not part of the SDK, so a wrong
 * `--out` could wipe a project. Refuses a folder that holds the working directory, the home
 * folder or the filesystem root, one that holds the spec, and one that looks like a project root.
 */
export function assertCleanable(outDir: string, sources: readonly string[]): void {
  const out = path.resolve(outDir);
  const refuse = (why: string) => {
    throw new GenError("invalid-options", `refusing to --clean ${outDir}: ${why}`);
  };
  const holds = (inner: string) => {
    const rel = path.relative(out, inner);
    return !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  if (holds(process.cwd())) refuse("it holds the working directory");
  if (out === path.parse(out).root || holds(os.homedir())) refuse("it holds the home folder");
  const spec = sources.find(holds);
  if (spec !== undefined) refuse(`it holds the spec (${path.relative(process.cwd(), spec)})`);
  const marker = ["package.json", ".git"].find((name) => existsSync(path.join(out, name)));
  if (marker !== undefined) refuse(`it has a ${marker}, so it looks like a project root`);
}

/** Every file below `out` (relative, `/`-separated); symlinks are listed, never followed. */
export async function listFiles(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

/** Removes the folders below `out` that removals left empty, deepest first. */
export async function removeEmptyFolders(out: string, removed: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of removed) {
    for (let dir = path.posix.dirname(file); dir !== "."; dir = path.posix.dirname(dir)) folders.add(dir);
  }
  for (const dir of [...folders].sort((a, b) => b.split("/").length - a.split("/").length)) {
    // rmdir fails on a folder that still has files: exactly the ones to keep.
    await rmdir(path.join(out, dir)).catch(() => undefined);
  }
}

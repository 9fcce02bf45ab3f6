import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The list of files gen-client wrote into an SDK folder, kept in the folder (and committed with
 * it). A regeneration removes exactly the listed files that no longer belong to the SDK, so a
 * file the user added is never touched. Chosen over recognising generated files by their header:
 * README.md and non-TypeScript files have no header of ours, and a header can be copied into a
 * user's file; the list is exact.
 */
export const MANIFEST = ".gen-client-manifest.json";

const NOTE = "Files gen-client generated in this folder. When one no longer belongs to the SDK, the next run removes it; files not listed are never removed (except with --clean).";

export function manifestContents(files: readonly string[]): string {
  return `${JSON.stringify({ "//": NOTE, files: [...files].sort() }, null, 2)}\n`;
}

/**
 * The files the previous run listed; none when there is no (readable) manifest, which makes
 * removal do nothing rather than guess. Entries that would leave the folder are ignored.
 */
export async function readManifest(out: string): Promise<string[]> {
  const text = await readFile(path.join(out, MANIFEST), "utf8").catch(() => undefined);
  if (text === undefined) return [];
  try {
    const { files } = JSON.parse(text) as { files?: unknown };
    if (!Array.isArray(files)) return [];
    return files.filter((file): file is string => typeof file === "string" && isInside(out, file));
  } catch {
    return [];
  }
}

/** Whether a relative path stays inside `out` (no `..`, not absolute, not `out` itself). */
export function isInside(out: string, relative: string): boolean {
  const rel = path.relative(out, path.resolve(out, relative));
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

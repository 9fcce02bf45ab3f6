import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { GenError } from "./errors.js";
import type { EmittedFile } from "./emit/index.js";

export interface WriteResult {
  readonly written: number;
  readonly unchanged: number;
}

/**
 * Writes an SDK so a failure never leaves half-written files: everything is staged in a temp
 * folder beside the output first, then each changed file is renamed into place. Unchanged files
 * are not touched, so their mtimes survive and build tools don't rebuild them.
 */
export async function writeSdk(outDir: string, files: readonly EmittedFile[]): Promise<WriteResult> {
  const out = path.resolve(outDir);
  const changed: EmittedFile[] = [];
  for (const file of files) {
    const current = await readFile(path.join(out, file.path), "utf8").catch(() => undefined);
    if (current !== file.contents) changed.push(file);
  }
  if (changed.length === 0) return { written: 0, unchanged: files.length };
  try {
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
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new GenError("write-failed", `cannot write the SDK to ${outDir} (${code})`, { file: outDir });
  }
  return { written: changed.length, unchanged: files.length - changed.length };
}

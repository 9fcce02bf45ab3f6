import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { outRoot } from "./sdk.js";

/** Writes a spec a test makes up into test/.out/specs/<folder>/, and returns its path. */
export async function specFileIn(folder: string, name: string, text: string): Promise<string> {
  const dir = path.join(outRoot, "specs", folder);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

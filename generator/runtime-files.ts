import { readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EmittedFile } from "./emit/index.js";

/** The package's `runtime/` folder, from source (tests) or from `dist/` (the installed CLI). */
function runtimeDirectory(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, "runtime");
    if (existsSync(path.join(candidate, "operation.ts"))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error("internal: the gen-client runtime/ folder is missing from the installation");
}

/** The runtime sources every SDK carries in `<out>/runtime/`, so it depends only on ky and zod. */
export async function runtimeFiles(): Promise<EmittedFile[]> {
  const root = runtimeDirectory();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
  return Promise.all(files.map(async (file) => ({ path: `runtime/${file}`, contents: await readFile(path.join(root, file), "utf8") })));
}

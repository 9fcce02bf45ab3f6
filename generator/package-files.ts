import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EmittedFile } from "./emit/emitted-file.js";
import { UNCHECKED_PRAGMA } from "./emit/unchecked.js";

/**
 * A path inside the gen-client package. The generator runs from source (tests) and from dist/
 * (the installed CLI), so the package root is found by walking up to runtime/ and templates/.
 */
export function packagePath(...segments: readonly string[]): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, "runtime", "operation.ts")) && existsSync(path.join(dir, "templates"))) return path.join(dir, ...segments);
    dir = path.dirname(dir);
  }
  throw new Error("internal: the gen-client installation has no runtime/ or templates/ folder");
}

export function readTemplate(name: string): string {
  return readFileSync(packagePath("templates", name), "utf8");
}

export function packageVersion(): string {
  return packageJson().version;
}

/** The version range gen-client's runtime needs of a peer dependency (ky, zod), e.g. `^2.1.0`. */
export function peerRange(name: string): string {
  const range = packageJson().peerDependencies[name];
  if (range === undefined) throw new Error(`internal: ${name} is no peer dependency of gen-client`);
  return range;
}

/** The Node versions gen-client supports, as its package.json's `engines.node` states them. */
export function supportedNodeRange(): string {
  return packageJson().engines.node;
}

interface PackageJson {
  version: string;
  peerDependencies: Record<string, string | undefined>;
  engines: { node: string };
}

function packageJson(): PackageJson {
  return JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as PackageJson;
}

/**
 * The runtime sources, relative to the runtime folder, which every SDK carries in `<out>/runtime/`
 * (or imports from a shared folder), so it depends only on ky and zod. The testing kit
 * (`testing/`) comes only with `testing`, webhook verification (`webhooks/`) only with `webhooks`.
 *
 * Each copy starts with `@ts-nocheck`: like a package's code, the runtime is checked where it is
 * written (gen-client's tests check it under the strictest options), not in every build that
 * uses it: on GitHub's SDK, checking its bodies took ~0.7 s of TypeScript 5.9's ~5 s, and a
 * project's stricter compiler options could fail them. Its declarations keep their types.
 */
export async function runtimeFiles(options: { readonly testing: boolean; readonly webhooks: boolean }): Promise<EmittedFile[]> {
  const root = packagePath("runtime");
  const header = [
    `// Copied from the runtime of gen-client ${packageVersion()}. Do not edit: regenerate the SDK instead.`,
    "// Type-checked by gen-client's tests rather than by your build, as a dependency's code would be.",
    UNCHECKED_PRAGMA,
    "",
  ].join("\n");
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => (options.testing || !file.startsWith("testing/")) && (options.webhooks || !file.startsWith("webhooks/")))
    .sort();
  return Promise.all(files.map(async (file) => ({ path: file, contents: header + (await readFile(path.join(root, file), "utf8")) })));
}

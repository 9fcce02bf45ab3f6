/**
 * The README promises that neither generator/ nor runtime/ has an import cycle, `import type`
 * included (a module that needs another's types depends on it, for a reader as for madge). This
 * keeps the promise: `npx madge --circular --extensions ts generator runtime` finds the same
 * cycles, but madge would add a hundred-odd packages to the install, so the imports are read
 * with TypeScript's own scanner.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/sdk.js";

/** Each module's relative imports and re-exports (static, type-only and dynamic), as repo paths. */
function importGraph(folders: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = folders.flatMap((folder) => readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: "utf8" }).map((file) => path.join(folder, file)));
  for (const from of files.filter((file) => file.endsWith(".ts"))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(repoRoot, from), "utf8"), true, true);
    const targets = importedFiles.map(({ fileName }) => fileName).filter((specifier) => specifier.startsWith("."));
    graph.set(from, targets.map((specifier) => sourceOf(path.join(path.dirname(from), specifier))));
  }
  return graph;
}

/** `./x.js` is written for `./x.ts`, as ESM with TypeScript wants. */
function sourceOf(target: string): string {
  const candidates = [target.replace(/\.js$/, ".ts"), `${target}.ts`, path.join(target, "index.ts")];
  return candidates.find((candidate) => existsSync(path.join(repoRoot, candidate))) ?? target;
}

/** Each cycle a depth-first walk meets, as `a.ts > b.ts > …` (madge's notation), from its first module. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (module: string): void => {
    const onStack = stack.indexOf(module);
    if (onStack !== -1) {
      found.push(stack.slice(onStack).join(" > "));
      return;
    }
    if (done.has(module)) return;
    stack.push(module);
    for (const target of graph.get(module) ?? []) visit(target);
    stack.pop();
    done.add(module);
  };
  for (const module of [...graph.keys()].sort()) visit(module);
  return found;
}

describe("the import graph of generator/ and runtime/", () => {
  it("has no cycle", () => {
    expect(cycles(importGraph(["generator", "runtime"]))).toEqual([]);
  });
});

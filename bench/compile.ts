/**
 * Generated SDKs are TypeScript whose relative imports end in `.js`, which Node's type stripping
 * does not map back to `.ts`: the runtime, import and streaming benchmarks run them compiled to JS
 * (TypeScript 5.9, `noCheck`, so this is transpiling, not type-checking) under bench/.work/compiled.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { COMPILED_DIR, NODE, TSC59 } from "./paths.ts";

export function compileSdk(sourceDir: string, name: string): string {
  const outDir = join(COMPILED_DIR, name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const tsconfig = join(COMPILED_DIR, `${name}.tsconfig.json`);
  writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2023",
          lib: ["ES2023", "DOM", "DOM.Iterable"],
          module: "ESNext",
          moduleResolution: "Bundler",
          types: [],
          noCheck: true,
          skipLibCheck: true,
          declaration: false,
          sourceMap: false,
          rootDir: sourceDir,
          outDir,
        },
        include: [join(sourceDir, "**/*.ts")],
      },
      null,
      2,
    ),
  );
  const result = spawnSync(NODE, [TSC59, "-p", tsconfig], { encoding: "utf8", timeout: 600_000 });
  if (result.status !== 0) {
    throw new Error(`compiling ${sourceDir} failed: ${(result.stdout + result.stderr).slice(0, 2000)}`);
  }
  writeFileSync(join(outDir, "package.json"), '{ "type": "module" }\n');
  return outDir;
}

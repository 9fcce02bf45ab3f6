import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { checkUncheckedModulesToo } from "../../generator/emit/unchecked.js";
import { generate, writeSdk, type GenerateOptions, type GenerateResult } from "../../generator/index.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Generated SDKs for tests live here (git-ignored), beside the repo's node_modules. */
export const outRoot = path.join(repoRoot, "test/.out");

export function fixturePath(name: string): string {
  return path.join(repoRoot, "fixtures", name);
}

/** Every fixture, by file name and by the name its SDK folder and snapshots use. */
export const fixtures: readonly { readonly file: string; readonly name: string }[] = readdirSync(path.join(repoRoot, "fixtures"))
  .filter((file) => /\.(ya?ml|json)$/.test(file))
  .sort()
  .map((file) => ({ file, name: file.replace(/\.(ya?ml|json)$/, "") }));

/** Generates a fixture's SDK into test/.out/<dir> and returns the in-memory result too. */
export async function generateInto(spec: string, dir: string, options: Omit<GenerateOptions, "spec"> = {}): Promise<{ result: GenerateResult; out: string }> {
  const out = path.join(outRoot, dir);
  await rm(out, { recursive: true, force: true });
  const result = await generate({ spec: path.relative(repoRoot, spec), ...options });
  await writeSdk(out, result.files);
  return { result, out };
}

export type ModuleResolution = "NodeNext" | "Bundler";

const run = promisify(execFile);

/**
 * Type-checks SDK folders with the native TypeScript compiler under the strictest options the
 * issue names. Returns the compiler's diagnostics: empty means the SDK compiles. `types`: global
 * type packages beside the SDK's own (`node` for code that uses node:http, as a user's would).
 */
export async function typecheck(dirs: readonly string[], moduleResolution: ModuleResolution, name: string, types: readonly string[] = []): Promise<string> {
  // The SDKs' @ts-nocheck modules are what these tests exist to check.
  for (const dir of dirs) checkUncheckedModulesToo(dir);
  const configDir = path.join(outRoot, `.tsconfig-${name}-${moduleResolution}`);
  await mkdir(configDir, { recursive: true });
  const config = {
    compilerOptions: {
      target: "ES2023",
      lib: ["ES2023", "DOM", "DOM.Iterable"],
      module: moduleResolution === "NodeNext" ? "NodeNext" : "ESNext",
      moduleResolution,
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      verbatimModuleSyntax: true,
      // A reviewer would flag unused imports in generated code, so the tests do too.
      noUnusedLocals: true,
      noUnusedParameters: true,
      isolatedModules: true,
      noEmit: true,
      skipLibCheck: true,
      types,
    },
    include: dirs.map((dir) => path.relative(configDir, path.join(dir, "**/*.ts"))),
  };
  await writeFile(path.join(configDir, "tsconfig.json"), JSON.stringify(config, null, 2));
  // NodeNext reads .ts files as ESM only under a package.json that says so.
  await writeFile(path.join(outRoot, "package.json"), JSON.stringify({ type: "module", private: true }));
  const tsc = path.join(repoRoot, "node_modules/typescript7/bin/tsc");
  try {
    await run(process.execPath, [tsc, "-p", path.join(configDir, "tsconfig.json"), "--pretty", "false"], { cwd: repoRoot });
    return "";
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ""}${stderr ?? ""}`.trim() || String(error);
  }
}

/**
 * Compiles a generated SDK to JavaScript in `compiled` (types stripped, not checked: the fixture
 * tests check them), beside a `probe.js` script, for tests that watch the SDK from a fresh Node
 * process (module loads, `--expose-gc`).
 */
export async function compileWithProbe(sdk: string, compiled: string, probe: string): Promise<void> {
  await rm(compiled, { recursive: true, force: true });
  await mkdir(compiled, { recursive: true });
  const tsc = path.join(repoRoot, "node_modules/typescript7/bin/tsc");
  const options = ["--outDir", compiled, "--rootDir", sdk, "--module", "NodeNext", "--target", "ES2023", "--noCheck", "--skipLibCheck", "--types", "", "--ignoreConfig"];
  await run(process.execPath, [tsc, ...options, path.join(sdk, "index.ts")], { cwd: repoRoot });
  await writeFile(path.join(compiled, "package.json"), JSON.stringify({ type: "module" }));
  await writeFile(path.join(compiled, "probe.js"), probe);
}

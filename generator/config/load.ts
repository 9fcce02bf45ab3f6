import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { z } from "zod";
import { GenError } from "../errors.js";
import { parseSpecText } from "../load/parse.js";
import type { GenerateOptions } from "./options.js";
import { configSchema, generateOptionsSchema, type GenClientConfig } from "./schema.js";
import { didYouMean } from "./suggest.js";

/** The names a config file is found by, in the working directory only: a build runs from its project root. */
export const CONFIG_FILES = ["gen-client.config.ts", "gen-client.config.mts", "gen-client.config.mjs", "gen-client.config.js", "gen-client.config.json"] as const;

/** The config file's name in `dir`, or undefined; several are an error rather than a silent pick. */
export function findConfig(dir: string): string | undefined {
  const found = CONFIG_FILES.filter((name) => existsSync(path.join(dir, name)));
  if (found.length > 1) {
    throw new GenError("invalid-options", `several config files: ${found.join(", ")}; keep one, or choose with --config`);
  }
  return found[0];
}

/**
 * Loads and validates a config file. `.ts`/`.mts` files are imported by Node itself, which strips
 * types (Node ≥ 22.18), so there is no loader to install or keep in step with TypeScript.
 * `file` is reported as given. The APIs' paths are returned as written: they are relative to the
 * config's folder, and generated headers quote the spec path, so the SDK must not depend on
 * where gen-client was started from.
 */
export async function loadConfig(file: string): Promise<GenClientConfig> {
  const value = file.endsWith(".json") ? await readJson(file) : await importDefault(file);
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) throw new GenError("invalid-options", describeProblems(parsed.error.issues, value), { file });
  return parsed.data;
}

/** `generate()`'s options, checked by the config file's rules: a malformed one is an `invalid-options` error saying which and why. */
export function checkedOptions(value: GenerateOptions): GenerateOptions {
  const parsed = generateOptionsSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ["options", ...issue.path] }));
    throw new GenError("invalid-options", `generate(): ${describeProblems(issues, { options: value })}`);
  }
  return parsed.data;
}

/**
 * Every problem of a config, one a line when there are several. A required key that is missing
 * because it was misspelt is reported once, as the unknown key with its correction.
 */
function describeProblems(issues: readonly z.core.$ZodIssue[], config: unknown): string {
  const misspelt = issues.flatMap((issue) => (issue.code === "unrecognized_keys" ? issue.keys.map((key) => ({ at: issue.path, key })) : []));
  const problems = issues
    .filter((issue) => {
      const key = issue.path.at(-1);
      if (typeof key !== "string" || !isMissing(config, issue.path)) return true;
      const at = issue.path.slice(0, -1);
      return !misspelt.some((typo) => samePath(typo.at, at) && didYouMean(typo.key, [key]) !== undefined);
    })
    .flatMap((issue) => (isMissing(config, issue.path) ? ["missing"] : issue.message.split("\n")).map((message) => `${formatKeyPath(issue.path)}: ${lowerFirst(message)}`));
  if (problems.length === 1) return problems[0] ?? "invalid config";
  return `${problems.length} problems:${problems.map((problem) => `\n  ${problem}`).join("")}`;
}

/** Whether the key at the end of `keys` is absent from its object in `config`. */
function isMissing(config: unknown, keys: readonly PropertyKey[]): boolean {
  let parent = config;
  for (const key of keys.slice(0, -1)) {
    if (typeof parent !== "object" || parent === null) return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  const last = keys.at(-1);
  return last !== undefined && typeof parent === "object" && parent !== null && !Array.isArray(parent) && !Object.hasOwn(parent, last);
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new GenError(error.code === "ENOENT" ? "file-not-found" : "file-unreadable", error.code === "ENOENT" ? `no such file: ${file}` : `cannot read ${file} (${error.code ?? "unknown error"})`, { file });
  });
  // The spec parser reports a syntax error with its line and column.
  return parseSpecText(text, file);
}

async function importDefault(file: string): Promise<unknown> {
  if (!existsSync(file)) throw new GenError("file-not-found", `no such file: ${file}`, { file });
  let module: { default?: unknown };
  try {
    module = (await withoutNodeWarnings(() => import(pathToFileURL(path.resolve(file)).href))) as { default?: unknown };
  } catch (error) {
    throw new GenError("invalid-options", `cannot load the config: ${explainImportFailure(file, error)}`, { file });
  }
  if (module.default === undefined) throw new GenError("invalid-options", "the config has no default export", { file });
  return module.default;
}

/**
 * Node's own reason, with what to do about it when the reason is the Node version or the module
 * type rather than the config's code: Node names neither the fix nor, for a CommonJS package,
 * that the file was read as CommonJS at all.
 */
function explainImportFailure(file: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.split("\n")[0] ?? message;
  const typescript = /\.[mc]?ts$/.test(file);
  if (typescript && (error as { code?: unknown }).code === "ERR_UNKNOWN_FILE_EXTENSION") {
    return `Node ${process.version} does not strip types: a ${path.extname(file)} config needs Node 22.19 or later, where type stripping is on by default; run gen-client on a newer Node, or write the config as .mjs or .json`;
  }
  if (file.endsWith(".ts") && error instanceof SyntaxError && packageType(path.dirname(path.resolve(file))) === "commonjs") {
    return `${reason}: Node reads this .ts file as CommonJS, as the nearest package.json says "type": "commonjs"; rename it to ${path.basename(file).replace(/\.ts$/, ".mts")}, or set "type": "module" in package.json`;
  }
  return reason;
}

/** The `type` of the package.json nearest to `dir`, which decides how Node reads a `.ts` or `.js` file. */
function packageType(dir: string): unknown {
  for (let current = dir; ; current = path.dirname(current)) {
    const manifest = path.join(current, "package.json");
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, "utf8")) as { type?: unknown }).type;
      } catch {
        return undefined;
      }
    }
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * Runs `load` with Node's printing of process warnings switched off. Node warns, in several lines,
 * about how it read the config (as CommonJS that failed, or reparsed as an ES module): gen-client's
 * own one-line error says what matters, and a config that loads needs no comment.
 */
async function withoutNodeWarnings<T>(load: () => Promise<T>): Promise<T> {
  const printers = process.listeners("warning");
  for (const printer of printers) process.removeListener("warning", printer);
  try {
    return await load();
  } finally {
    for (const printer of printers) process.on("warning", printer);
  }
}

/** `apis[1].pagination.listThings`, the way the key is written in the config. */
export function formatKeyPath(keys: readonly PropertyKey[]): string {
  let out = "";
  for (const key of keys) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === "" ? "(top level)" : out;
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

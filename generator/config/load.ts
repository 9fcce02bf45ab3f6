import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { GenError } from "../errors.js";
import { parseSpecText } from "../load/parse.js";
import { configSchema, type GenClientConfig } from "./schema.js";

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
  if (!parsed.success) {
    const [issue, ...more] = parsed.error.issues;
    const where = issue === undefined ? "" : `${formatKeyPath(issue.path)}: `;
    const rest = more.length > 0 ? ` (and ${more.length} more problem${more.length === 1 ? "" : "s"})` : "";
    throw new GenError("invalid-options", `${where}${lowerFirst(issue?.message ?? "invalid config")}${rest}`, { file });
  }
  return parsed.data;
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
    module = (await import(pathToFileURL(path.resolve(file)).href)) as { default?: unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GenError("invalid-options", `cannot load the config: ${message.split("\n")[0] ?? message}`, { file });
  }
  if (module.default === undefined) throw new GenError("invalid-options", "the config has no default export", { file });
  return module.default;
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

import { readFileSync } from "node:fs";
import { packagePath } from "./package-files.js";

/** The runtime's public names (see runtime/public.ts), each a value or a type only. */
export interface RuntimeSurface {
  readonly values: readonly string[];
  readonly types: readonly string[];
}

const EXPORT_FROM = /^export\s+(type\s+)?\{([^}]*)\}\s*from\s*"[^"]+";$/;

let surface: RuntimeSurface | undefined;

/** The names runtime/public.ts exports, read once: what every SDK's index.ts re-exports. */
export function runtimeSurface(): RuntimeSurface {
  return (surface ??= readRuntimeSurface(readFileSync(packagePath("runtime", "public.ts"), "utf8")));
}

/**
 * Reads the exported names of `export { … } from` and `export type { … } from` statements (the
 * only ones public.ts may hold, so that the generator need not parse TypeScript), sorted.
 */
export function readRuntimeSurface(source: string): RuntimeSurface {
  const values: string[] = [];
  const types: string[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  for (const statement of code.split(";").map((text) => text.trim().replace(/\s+/g, " "))) {
    if (statement === "") continue;
    const match = EXPORT_FROM.exec(`${statement};`);
    if (!match) throw new Error(`internal: runtime/public.ts may hold only \`export { … } from\` statements, not \`${statement}\``);
    const typeOnly = match[1] !== undefined;
    for (const specifier of (match[2] ?? "").split(",").map((text) => text.trim())) {
      if (specifier === "") continue;
      const typeSpecifier = specifier.startsWith("type ");
      const exported = (typeSpecifier ? specifier.slice("type ".length) : specifier).split(" as ").at(-1)?.trim() ?? "";
      (typeOnly || typeSpecifier ? types : values).push(exported);
    }
  }
  return { values: values.sort(byName), types: types.sort(byName) };
}

/** Case-insensitive, so that `Logger` comes before `LogLevel`. */
function byName(a: string, b: string): number {
  return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
}

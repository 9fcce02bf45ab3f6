import { readFile, stat } from "node:fs/promises";
import { GenError } from "../errors.js";
import { bundleExternalRefs, isUrl } from "./bundle.js";
import { parseSpecText } from "./parse.js";
import { resolveAgainstSelf } from "./self.js";
import { upgradeSwagger2 } from "./upgrade.js";

/** How schemas are read: 3.2 documents use 3.1's JSON Schema 2020-12 dialect, so they are "3.1" here. */
export type OpenApiVersion = "3.0" | "3.1";

export interface LoadedSpec {
  /** The spec's path as the user gave it, for messages and the generated header. */
  readonly file: string;
  /** The source text, kept so errors can be located lazily. */
  readonly text: string;
  readonly version: OpenApiVersion;
  /** The parsed document with every external `$ref` bundled in. */
  readonly document: Readonly<Record<string, unknown>>;
  /** The local files the spec was read from (absolute), e.g. for watching; none for a URL. */
  readonly files: readonly string[];
}

/** Reads (or fetches, given an http(s) URL), parses and bundles one OpenAPI document; every failure is a `GenError`. */
export async function loadSpec(file: string): Promise<LoadedSpec> {
  const text = isUrl(file) ? await fetchSpec(file) : await readSpecFile(file);
  const parsed = await parseSpecText(text, file);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new GenError("not-openapi", "not an OpenAPI document: expected a mapping at the top level", { file });
  }
  resolveAgainstSelf(file, parsed as Record<string, unknown>);
  const { document, files } = await bundleExternalRefs(file, parsed);
  const bundled = document as Record<string, unknown>;
  if (bundled.openapi === undefined && bundled.swagger !== undefined) {
    if (bundled.swagger !== "2.0") {
      throw new GenError("unsupported-version", `unsupported Swagger version ${JSON.stringify(bundled.swagger)}: gen-client reads 2.0, 3.0, 3.1 and 3.2`, {
        file,
        pointer: "#/swagger",
      });
    }
    // Pointers into a converted document no longer match the source text: errors name the file only.
    return { file, text: "", version: "3.0", document: await upgradeSwagger2(bundled, file), files };
  }
  return { file, text, version: detectVersion(bundled, file), document: bundled, files };
}

async function readSpecFile(file: string): Promise<string> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new GenError("file-unreadable", `${file} is not a file`, { file });
    return await readFile(file, "utf8");
  } catch (error) {
    if (error instanceof GenError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new GenError("file-not-found", `no such file: ${file}`, { file });
    throw new GenError("file-unreadable", `cannot read ${file} (${code ?? "unknown error"})`, { file });
  }
}

async function fetchSpec(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json, application/yaml, text/yaml, */*" }, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    throw new GenError("file-unreadable", `cannot fetch ${url} (${String(cause?.code ?? cause?.message ?? (error as Error).message)})`, { file: url });
  }
  if (!response.ok) throw new GenError("file-unreadable", `cannot fetch ${url} (HTTP ${response.status})`, { file: url });
  return response.text();
}

function detectVersion(document: Record<string, unknown>, file: string): OpenApiVersion {
  const { openapi } = document;
  if (openapi === undefined) throw new GenError("not-openapi", "not an OpenAPI document: it has no `openapi` field", { file, pointer: "#" });
  if (typeof openapi === "string" && /^3\.0(\.|$)/.test(openapi)) return "3.0";
  if (typeof openapi === "string" && /^3\.[12](\.|$)/.test(openapi)) return "3.1";
  throw new GenError("unsupported-version", `unsupported OpenAPI version ${JSON.stringify(openapi)}: gen-client reads 2.0, 3.0, 3.1 and 3.2`, {
    file,
    pointer: "#/openapi",
  });
}

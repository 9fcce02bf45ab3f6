import path from "node:path";
import { GenError } from "../errors.js";

export interface Bundled {
  readonly document: object;
  /** Every local file the document was read from, the spec's own first (absolute paths). */
  readonly files: readonly string[];
}

/**
 * Pulls `$ref`s into other files into the one document, so every later phase sees only local
 * (`#/...`) references. Single-file specs — nearly all of them — skip the bundler entirely (it
 * is not even loaded).
 * `$ref`s over http(s) are followed only in a spec that was itself fetched from a URL, and only
 * to its origin: a spec is untrusted input and must not make gen-client fetch from other hosts.
 */
export async function bundleExternalRefs(file: string, document: object): Promise<Bundled> {
  const remote = isUrl(file);
  const own = remote ? [] : [path.resolve(file)];
  if (!hasExternalRef(document)) return { document, files: own };
  const { $RefParser, MissingPointerError, ResolverError, JSONParserError } = await import("@apidevtools/json-schema-ref-parser");
  try {
    const parser = new $RefParser();
    const origin = remote ? new URL(file).origin : undefined;
    const http = origin === undefined ? false : { safeUrlResolver: false, canRead: (ref: { url: string }) => URL.canParse(ref.url) && new URL(ref.url).origin === origin };
    const bundled = (await parser.bundle(remote ? file : path.resolve(file), structuredClone(document), { resolve: { http } })) as object;
    const read = parser.$refs.paths("file").map((each) => path.resolve(each));
    return { document: bundled, files: [...new Set([...own, ...read])] };
  } catch (error) {
    if (error instanceof MissingPointerError || error instanceof ResolverError) {
      throw new GenError("unresolved-ref", `cannot resolve $ref: ${firstLine(error.message)}`, {
        file: error.source ? path.relative(process.cwd(), error.source) || file : file,
      });
    }
    // No resolver may read the $ref: an http(s) one from a local spec, or to another origin.
    if (error instanceof SyntaxError && error.message.startsWith("Unable to resolve $ref pointer")) {
      const where = remote ? "a spec from a URL may $ref only its own origin" : "a local spec may $ref only local files";
      throw new GenError("unresolved-ref", `cannot resolve $ref: ${firstLine(error.message).replace("Unable to resolve $ref pointer ", "")}: ${where}`, { file });
    }
    if (error instanceof JSONParserError) {
      throw new GenError("syntax", `invalid YAML/JSON in a referenced file: ${firstLine(error.message)}`, { file });
    }
    throw error;
  }
}

export function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

function hasExternalRef(node: object): boolean {
  // Only objects and arrays are stacked: a big spec's strings and numbers are most of its values.
  const stack: object[] = [node];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    if (!Array.isArray(value)) {
      const ref = (value as { $ref?: unknown }).$ref;
      if (typeof ref === "string" && !ref.startsWith("#")) return true;
    }
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (child !== null && typeof child === "object") stack.push(child as object);
    }
  }
  return false;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

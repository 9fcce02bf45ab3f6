import { bundle, MissingPointerError, ResolverError, JSONParserError } from "@apidevtools/json-schema-ref-parser";
import path from "node:path";
import { GenError } from "../errors.js";

/**
 * Pulls `$ref`s into other files into the one document, so every later phase sees only local
 * (`#/...`) references. Single-file specs — nearly all of them — skip the bundler entirely.
 */
export async function bundleExternalRefs(file: string, document: object): Promise<object> {
  if (!hasExternalRef(document)) return document;
  try {
    return (await bundle(path.resolve(file), structuredClone(document), {
      resolve: { http: false },
    })) as object;
  } catch (error) {
    if (error instanceof MissingPointerError || error instanceof ResolverError) {
      throw new GenError("unresolved-ref", `cannot resolve $ref: ${firstLine(error.message)}`, {
        file: error.source ? path.relative(process.cwd(), error.source) || file : file,
      });
    }
    if (error instanceof JSONParserError) {
      throw new GenError("syntax", `invalid YAML/JSON in a referenced file: ${firstLine(error.message)}`, { file });
    }
    throw error;
  }
}

function hasExternalRef(node: unknown): boolean {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
    } else if (value !== null && typeof value === "object") {
      const ref = (value as { $ref?: unknown }).$ref;
      if (typeof ref === "string" && !ref.startsWith("#")) return true;
      stack.push(...Object.values(value));
    }
  }
  return false;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

/**
 * The spec as the oracle reads it: loaded, bundled and (for Swagger 2.0) upgraded by the
 * generator's own loader — reading a document is not what this suite judges — then navigated by
 * JSON pointer, following local `$ref`s, so that every schema keeps an address ajv can compile.
 */
import type { LoadedSpec } from "../generator/load/index.ts";
import { pathToFileURL } from "node:url";
import { GENERATOR_LOADER } from "./paths.ts";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface OpenApiDoc {
  readonly version: "3.0" | "3.1";
  readonly document: JsonObject;
}

export async function loadOpenApi(file: string): Promise<OpenApiDoc> {
  const loader = (await import(pathToFileURL(GENERATOR_LOADER).href)) as { loadSpec(file: string): Promise<LoadedSpec> };
  const loaded = await loader.loadSpec(file);
  return { version: loaded.version, document: loaded.document as JsonObject };
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function escapePointer(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

function unescapePointer(token: string): string {
  return decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~");
}

export function at(document: Json, pointer: string): Json | undefined {
  if (!pointer.startsWith("#")) return undefined;
  let node: Json | undefined = document;
  for (const token of pointer.slice(1).split("/").slice(1)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[unescapePointer(token)];
    else return undefined;
  }
  return node;
}

/** A node and its address, `$ref`s followed (local ones; a loop or a dangling ref gives undefined). */
export interface Located {
  readonly node: JsonObject;
  readonly pointer: string;
}

export function locate(document: JsonObject, pointer: string): Located | undefined {
  if (!pointer.startsWith("#")) return undefined;
  // Canonical: whenever a step lands on a `$ref`, the address becomes the ref's target, so ajv
  // (which does not follow refs in the middle of a pointer) can compile what comes back.
  let current = "#";
  let node: Json | undefined = document;
  const follow = (): boolean => {
    for (let hops = 0; isObject(node) && typeof node.$ref === "string"; hops++) {
      if (hops > 32 || !node.$ref.startsWith("#")) return false;
      current = node.$ref;
      node = at(document, current);
    }
    return true;
  };
  for (const token of pointer.slice(1).split("/").slice(1)) {
    if (!follow()) return undefined;
    const key = unescapePointer(token);
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
    current = `${current}/${escapePointer(key)}`;
  }
  if (!follow() || !isObject(node)) return undefined;
  return { node, pointer: current };
}

export function child(parent: Located, ...tokens: readonly (string | number)[]): string {
  return `${parent.pointer}/${tokens.map((t) => escapePointer(String(t))).join("/")}`;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

const FIXED_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"]);

/** A fixed field's operation (`…/get`), or OpenAPI 3.2's `…/additionalOperations/PURGE`, keyed by the method as sent. */
export function operationPointer(path: string, method: string): string {
  const field = method.toLowerCase();
  return FIXED_METHODS.has(field) ? `#/paths/${escapePointer(path)}/${field}` : `#/paths/${escapePointer(path)}/additionalOperations/${escapePointer(method)}`;
}

/** Is this media type JSON (`application/json`, `application/problem+json`, `…; charset=…`)? */
export function isJsonMedia(mediaType: string): boolean {
  const essence = mediaType.split(";")[0]!.trim().toLowerCase();
  return essence === "application/json" || essence.endsWith("+json") || essence === "*/*" || essence === "application/*";
}

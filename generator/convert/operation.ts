/**
 * Path Item and Operation Objects → IR operations, named and in document order.
 * @see https://spec.openapis.org/oas/v3.1.0#operation-object
 */
import { appendPointer } from "../errors.js";
import { type BuildContext, isObject, type Json, type JsonObject, stringOf } from "./context.js";
import type { ExternalDocs, HttpMethod, Operation, Parameter, SecurityScheme } from "../model/model.js";
import { camelCase, pascalCase } from "../model/naming.js";
import { httpMethod, type PathItemMethod, routeKey } from "../model/route.js";
import { convertParameters } from "./parameters.js";
import { convertRequestBody } from "./request-body.js";
import { convertResponses } from "./responses.js";
import { convertSecurity } from "./security.js";
import { convertServers } from "./servers.js";

const METHODS: readonly PathItemMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];

/** An operation as converted, beside its raw object: analysis decides pagination from both once the client is laid out. */
export interface ConvertedOperation {
  readonly operation: Operation;
  readonly raw: JsonObject;
}

export function convertPaths(ctx: BuildContext, paths: Json, schemes: readonly SecurityScheme[]): ConvertedOperation[] {
  if (!isObject(paths)) return [];
  const globalSecurity = ctx.spec.document.security;
  const converted: ConvertedOperation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    if (!path.startsWith("/")) continue;
    const { value: item, pointer: itemPointer } = ctx.deref(rawItem, appendPointer("#", "paths", path));
    if (!isObject(item)) continue;
    for (const field of METHODS) {
      const raw = item[field];
      if (!isObject(raw)) continue;
      const pointer = appendPointer(itemPointer, field);
      converted.push({ operation: convertOperation(ctx, { path, method: httpMethod(field), raw, pointer, item, itemPointer, globalSecurity, schemes }), raw });
    }
    for (const { method, raw, pointer } of additionalOperations(ctx, item, itemPointer)) {
      converted.push({ operation: convertOperation(ctx, { path, method, raw, pointer, item, itemPointer, globalSecurity, schemes }), raw });
    }
  }
  return converted;
}

/** RFC 9110's `token`: what fetch accepts as a method name. */
const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Methods fetch refuses to send, whatever their case. */
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/**
 * OpenAPI 3.2's `additionalOperations` (or `x-oai-additionalOperations`, the registered extension
 * for earlier versions): operations for methods without a field of their own, keyed by the method
 * exactly as sent. A key that names a fixed field's method (in any case: fetch upper-cases `get`
 * and its kin, and servers match methods loosely), one fetch refuses, or no method name at all is
 * skipped with a warning rather than generating a function that could never be called.
 */
function additionalOperations(ctx: BuildContext, item: JsonObject, itemPointer: string): { method: HttpMethod; raw: JsonObject; pointer: string }[] {
  const field = isObject(item.additionalOperations) ? "additionalOperations" : isObject(item["x-oai-additionalOperations"]) ? "x-oai-additionalOperations" : undefined;
  if (field === undefined) return [];
  const found: { method: HttpMethod; raw: JsonObject; pointer: string }[] = [];
  for (const [method, raw] of Object.entries(item[field] as JsonObject)) {
    const pointer = appendPointer(itemPointer, field, method);
    const upper = method.toUpperCase();
    if ((METHODS as readonly string[]).includes(upper.toLowerCase())) {
      ctx.warn("ignored", `${field} must not hold ${method}: the Path Item's \`${upper.toLowerCase()}\` field is that method's (OpenAPI 3.2); this operation is skipped`, pointer);
    } else if (FORBIDDEN_METHODS.has(upper)) {
      ctx.warn("ignored", `fetch refuses to send a ${method} request, so no SDK can call it: this operation is skipped`, pointer);
    } else if (!METHOD_TOKEN.test(method)) {
      ctx.warn("ignored", `${JSON.stringify(method)} is not an HTTP method name (RFC 9110 token): this operation is skipped`, pointer);
    } else if (!isObject(raw)) {
      ctx.warn("ignored", `the ${method} operation is not an Operation Object: skipped`, pointer);
    } else {
      if (isObject(raw.callbacks) && Object.keys(raw.callbacks).length > 0) {
        ctx.warn("ignored", `the callbacks of the ${method} operation are not read (gen-client reads the callbacks of fixed-field methods only)`, appendPointer(pointer, "callbacks"));
      }
      found.push({ method, raw, pointer });
    }
  }
  return found;
}

interface OperationSource {
  readonly path: string;
  readonly method: HttpMethod;
  readonly raw: JsonObject;
  readonly pointer: string;
  readonly item: JsonObject;
  readonly itemPointer: string;
  readonly globalSecurity: Json;
  readonly schemes: readonly SecurityScheme[];
}

function convertOperation(ctx: BuildContext, source: OperationSource): Operation {
  const { path, raw, pointer, method } = source;
  const operationId = stringOf(raw.operationId)?.trim() || derivedOperationId(method, path);
  const route = routeKey(method, path);
  const { method: name, binding } = ctx.operationNames.claim(route, camelCase(operationId));
  // Its Args and Error types must not collide with a schema's name (`DeleteWorkflowError`).
  const typeName = ctx.typeNames.claimOperationTypes(route, pascalCase(name, "Operation"));
  const body = raw.requestBody === undefined ? undefined : convertRequestBody(ctx, raw.requestBody, appendPointer(pointer, "requestBody"), typeName, method);
  const located = (list: Json, at: string) => (Array.isArray(list) ? list.map((p, i) => ({ raw: p, pointer: appendPointer(at, i) })) : []);
  const parameters = withUndeclaredPathParams(
    ctx,
    convertParameters(ctx, located(source.item.parameters, appendPointer(source.itemPointer, "parameters")), located(raw.parameters, appendPointer(pointer, "parameters")), body !== undefined),
    path,
    pointer,
  );
  const security = raw.security !== undefined ? raw.security : source.globalSecurity;
  const securityPointer = raw.security !== undefined ? appendPointer(pointer, "security") : "#/security";
  const summary = stringOf(raw.summary);
  const description = stringOf(raw.description);
  const externalDocs = externalDocsOf(raw.externalDocs);
  // An operation's servers replace its path item's, which replace the API's.
  const ownServers = Array.isArray(raw.servers) ? convertServers(ctx, raw.servers, appendPointer(pointer, "servers")) : convertServers(ctx, source.item.servers, appendPointer(source.itemPointer, "servers"));
  return {
    pointer,
    operationId,
    name,
    // The flat layout; analyze/resources.ts groups operations for the other.
    resource: [],
    member: name,
    binding,
    typeName,
    method,
    path,
    deprecated: raw.deprecated === true,
    // Sending it again with Last-Event-ID is safe: see the runtime's `OperationSpec.resumable`.
    ...(raw["x-resumable"] === true && { resumable: true }),
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === "string") : [],
    parameters,
    responses: convertResponses(ctx, raw.responses, appendPointer(pointer, "responses"), typeName),
    security: convertSecurity(ctx, security, securityPointer, source.schemes),
    ...(body && { body }),
    ...(summary !== undefined && { summary }),
    ...(description !== undefined && { description }),
    ...(externalDocs !== undefined && { externalDocs }),
    ...(ownServers.length > 0 && { servers: ownServers }),
  };
}

export function externalDocsOf(raw: Json): ExternalDocs | undefined {
  const url = isObject(raw) ? stringOf(raw.url) : undefined;
  if (url === undefined || url.trim() === "" || !isObject(raw)) return undefined;
  const description = stringOf(raw.description);
  return { url: url.trim(), ...(description !== undefined && { description }) };
}

/** `GET /pets/{petId}` → `get pets By petId` (camelCased by the caller to `getPetsByPetId`). */
function derivedOperationId(method: HttpMethod, path: string): string {
  const words = path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => segment.replace(/\{([^}]*)\}/g, " By $1 "));
  return [method.toLowerCase(), ...words].join(" ") + (path === "/" ? " root" : "");
}

/** A `{name}` in the path with no declared parameter would break the URL: declare it as a string. */
function withUndeclaredPathParams(ctx: BuildContext, parameters: Parameter[], path: string, pointer: string): Parameter[] {
  const declared = new Set(parameters.filter((p) => p.in === "path").map((p) => p.name));
  const missing = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? "").filter((name) => !declared.has(name));
  if (missing.length === 0) return parameters;
  const taken = new Set(parameters.map((p) => p.key));
  const added = missing.map((name): Parameter => {
    ctx.warn("ignored", `path parameter ${name} is not declared: sent as a string`, pointer);
    return {
      pointer,
      name,
      in: "path",
      key: taken.has(name) ? `path.${name}` : name,
      required: true,
      style: "simple",
      explode: false,
      allowReserved: false,
      json: false,
      schema: { kind: "string", pointer },
      deprecated: false,
    };
  });
  return [...added, ...parameters];
}

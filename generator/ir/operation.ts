/**
 * Path Item and Operation Objects → IR operations, named and in document order.
 * @see https://spec.openapis.org/oas/v3.1.0#operation-object
 */
import { appendPointer } from "../errors.js";
import { schemaIndex } from "./analysis.js";
import { type BuildContext, isObject, type Json, type JsonObject, stringOf } from "./context.js";
import type { ExternalDocs, Operation, Parameter, SecurityScheme } from "./model.js";
import { camelCase, pascalCase } from "./naming.js";
import { httpMethod, type PathItemMethod, routeKey } from "./route.js";
import { convertParameters } from "./parameters.js";
import { convertRequestBody } from "./request-body.js";
import { decidePagination } from "./pagination.js";
import type { PaginationOption } from "./pagination-config.js";
import { convertResponses } from "./responses.js";
import { convertSchema } from "./schema.js";
import { convertSecurity } from "./security.js";

const METHODS: readonly PathItemMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];

export function convertPaths(ctx: BuildContext, paths: Json, schemes: readonly SecurityScheme[], options: Readonly<Record<string, PaginationOption>>): Operation[] {
  if (!isObject(paths)) return [];
  const globalSecurity = ctx.spec.document.security;
  const converted: { operation: Operation; raw: JsonObject }[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    if (!path.startsWith("/")) continue;
    const { value: item, pointer: itemPointer } = ctx.deref(rawItem, appendPointer("#", "paths", path));
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const raw = item[method];
      if (!isObject(raw)) continue;
      const pointer = appendPointer(itemPointer, method);
      converted.push({ operation: convertOperation(ctx, { path, method, raw, pointer, item, itemPointer, globalSecurity, schemes }), raw });
    }
    if (isObject(item.additionalOperations)) {
      for (const method of Object.keys(item.additionalOperations)) {
        ctx.warn("ignored", `the ${method} operation (OpenAPI 3.2 additionalOperations) is not generated yet: ignored`, appendPointer(itemPointer, "additionalOperations", method));
      }
    }
  }
  // Pagination reads response schemas through their references: convert every named schema first.
  ctx.drain((raw, pointer) => convertSchema(ctx, raw, pointer));
  const named = schemaIndex(ctx.namedSchemas());
  // Decided once: the generator's option for the operation (by client method name, else operationId) wins over the spec.
  const used = new Set<string>();
  const decided = converted.map(({ operation, raw }) => {
    const key = [operation.name, operation.operationId].find((candidate) => Object.hasOwn(options, candidate));
    if (key !== undefined) used.add(key);
    const option = key === undefined ? undefined : options[key];
    const { pagination, warnings } = decidePagination({ operation, raw, ...(option !== undefined && { option }), schemaAt: (pointer) => named.get(pointer)?.schema });
    for (const warning of warnings) ctx.warn("ignored", warning.message, warning.pointer);
    return pagination ? { ...operation, pagination } : operation;
  });
  for (const key of Object.keys(options)) {
    if (!used.has(key)) ctx.warn("ignored", `the pagination option names ${JSON.stringify(key)}, which is no operation of this API`, "#/paths");
  }
  return decided;
}

interface OperationSource {
  readonly path: string;
  readonly method: PathItemMethod;
  readonly raw: JsonObject;
  readonly pointer: string;
  readonly item: JsonObject;
  readonly itemPointer: string;
  readonly globalSecurity: Json;
  readonly schemes: readonly SecurityScheme[];
}

function convertOperation(ctx: BuildContext, source: OperationSource): Operation {
  const { path, raw, pointer } = source;
  const method = httpMethod(source.method);
  const operationId = stringOf(raw.operationId)?.trim() || derivedOperationId(source.method, path);
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
  return {
    pointer,
    operationId,
    name,
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
  };
}

function externalDocsOf(raw: Json): ExternalDocs | undefined {
  const url = isObject(raw) ? stringOf(raw.url) : undefined;
  if (url === undefined || url.trim() === "" || !isObject(raw)) return undefined;
  const description = stringOf(raw.description);
  return { url: url.trim(), ...(description !== undefined && { description }) };
}

/** `GET /pets/{petId}` → `get pets By petId` (camelCased by the caller to `getPetsByPetId`). */
function derivedOperationId(method: PathItemMethod, path: string): string {
  const words = path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => segment.replace(/\{([^}]*)\}/g, " By $1 "));
  return [method, ...words].join(" ") + (path === "/" ? " root" : "");
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

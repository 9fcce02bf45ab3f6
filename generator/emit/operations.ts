/**
 * `operations.ts`: the data the runtime needs per operation (`OperationSpec`), with every
 * OpenAPI default already resolved by the IR. Each is a function the runtime calls on the
 * operation's first use, so importing a big SDK compiles only the specs it calls.
 */
import type { FieldPath, Operation, Pagination, Parameter, Response, Schema, ValueSource } from "../ir/model.js";
import { isFieldPath, paginationOf } from "../ir/pagination.js";
import { array, arrow, bool, identifiers, inlineObject, num, object, path, str, type Expr, type ObjectProperty } from "./code/expressions.js";
import type { Statement } from "./code/module.js";
import { tsRef } from "./code/types.js";
import type { EmitContext, View } from "./context.js";
import { LAZY_BINDINGS, loaderImports, validatorBindings, type LazyBinding } from "./load-validators.js";
import { encodePathTemplate } from "./path-template.js";
import { schemaName, toZod } from "./schemas.js";
import { successResponses } from "./types.js";

export function operationsModule(ctx: EmitContext): Statement[] {
  const { consts, used, lazy } = operationSpecs(ctx);
  const imports: Statement[] = [
    used.has("ownProperties")
      ? { s: "import", from: ctx.runtimeModule(), names: [{ name: "ownProperties" }, { name: "OperationSpec", typeOnly: true }] }
      : { s: "import", typeOnly: true, from: ctx.runtimeModule(), names: [{ name: "OperationSpec" }] },
  ];
  if (lazy.length === 0) return [...imports, ...consts];
  return [...imports, ...loaderImports(ctx, lazy), validatorBindings(lazy), ...consts];
}

interface OperationSpecs {
  readonly consts: readonly Extract<Statement, { s: "const" }>[];
  /** The identifiers the specs refer to. */
  readonly used: ReadonlySet<string>;
  /** What the specs' validators are made of, which operations.ts imports on demand (see load-validators.ts). */
  readonly lazy: readonly LazyBinding[];
}

const built = new WeakMap<EmitContext, OperationSpecs>();

/**
 * Each operation's spec, as the `const` operations.ts exports; and what their validators are made
 * of, which operations.ts imports on demand and whose loader client.ts hands to the runtime. Built
 * once per SDK: both modules ask.
 */
export function operationSpecs(ctx: EmitContext): OperationSpecs {
  let specs = built.get(ctx);
  if (specs === undefined) {
    const consts = ctx.model.operations.map((operation) => ({
      s: "const" as const,
      exported: true,
      name: operation.binding,
      value: arrow(operationSpec(ctx, operation), tsRef("OperationSpec")),
    }));
    const used = identifiers(consts.map((statement) => statement.value));
    specs = { consts, used, lazy: LAZY_BINDINGS.filter((binding) => used.has(binding)) };
    built.set(ctx, specs);
  }
  return specs;
}

/** A validator expression for a schema, or undefined when there is nothing to check. */
type SchemaOf = (schema: Schema, view: View) => Expr | undefined;

const validatorCache = new WeakMap<EmitContext, Map<View, WeakMap<Schema, Expr | undefined>>>();

/**
 * A function making the validator of a schema (see `LazyValidator`), with schemas.ts as `s`, or
 * undefined when there is nothing to check. Made once per schema: operations.ts and validators.ts
 * print the same one.
 */
export function lazyValidator(ctx: EmitContext, schema: Schema, view: View): Expr | undefined {
  let views = validatorCache.get(ctx);
  if (views === undefined) validatorCache.set(ctx, (views = new Map()));
  let cache = views.get(view);
  if (cache === undefined) views.set(view, (cache = new WeakMap()));
  if (cache.has(schema)) return cache.get(schema);
  const ref = (name: string): Expr => path(`s.${name}`);
  const made = schema.kind === "unknown" ? undefined : schema.kind === "ref" && !schema.nullable ? arrow(ref(schemaName(ctx, schema.target, view))) : arrow(toZod(ctx, schema, view, ref));
  cache.set(schema, made);
  return made;
}

/** A plain string has nothing to check; skipping it keeps imports cheap on big APIs. */
export function checksParameter(parameter: Parameter): boolean {
  return !(parameter.schema.kind === "string" && Object.keys(parameter.schema).every((key) => key === "kind" || key === "pointer" || key === "description"));
}

function operationSpec(ctx: EmitContext, operation: Operation): Expr {
  const validator = (schemaExpr: Expr | undefined): ObjectProperty[] => (schemaExpr ? [{ key: "schema", value: schemaExpr }] : []);
  /** Named schemas are referenced; an inline one is a function the runtime calls on first use (see `LazyValidator`). */
  // A function either way: `s` is schemas.ts, which is only there once a call has loaded it.
  const schemaOf: SchemaOf = (schema, view) => lazyValidator(ctx, schema, view);

  const properties: ObjectProperty[] = [
    { key: "id", value: str(operation.operationId) },
    { key: "method", value: str(operation.method.toUpperCase()) },
    { key: "path", value: str(encodePathTemplate(operation.path)) },
    { key: "params", value: array(operation.parameters.map((parameter) => parameterSpec(parameter, schemaOf))) },
  ];
  const body = operation.body;
  if (body) {
    const encoding = [...body.encoding].map(([name, part]): ObjectProperty => ({
      key: name,
      value: inlineObject([
        ...(part.contentType !== undefined ? [{ key: "contentType", value: str(part.contentType) }] : []),
        ...(part.style !== undefined ? [{ key: "style", value: str(part.style) }] : []),
        ...(part.explode !== undefined ? [{ key: "explode", value: bool(part.explode) }] : []),
      ]),
    }));
    properties.push({
      key: "body",
      value: object([
        { key: "kind", value: str(body.stream ? "stream" : body.kind) },
        { key: "mediaType", value: str(body.mediaType) },
        ...(body.stream ? [{ key: "format", value: str(body.stream) }] : []),
        ...(encoding.length > 0 ? [{ key: "encoding", value: object(encoding) }] : []),
        ...(body.kind === "binary" ? [] : validator(schemaOf(body.schema, "write"))),
      ]),
    });
  }
  const accept = acceptOf(operation);
  if (accept !== undefined) properties.push({ key: "accept", value: str(accept) });
  properties.push({
    key: "responses",
    value: object(operation.responses.map((response) => ({ key: response.status, value: responseSpec(response, schemaOf, validator) }))),
  });
  if (operation.security.length > 0) {
    properties.push({
      key: "security",
      value: array(
        operation.security.map((requirement) => inlineObject([...requirement].map(([scheme, scopes]) => ({ key: scheme, value: array(scopes.map(str)) })))),
      ),
    });
  }
  const pagination = paginationOf(operation);
  if (pagination) properties.push({ key: "pagination", value: paginationSpec(pagination) });
  if (operation.resumable) properties.push({ key: "resumable", value: bool(true) });
  return object(properties);
}

/**
 * The `Accept` header: the media types the SDK reads for the success responses, one per response
 * (the one `preferredMediaType` chose), so a server that negotiates answers with what the SDK reads
 * rather than the first type the spec lists (XML, say), and an SSE server sees `text/event-stream`.
 * `*\/*` adds nothing, and a media type no header can carry is left out.
 */
export function acceptOf(operation: Operation): string | undefined {
  const mediaTypes = new Set<string>();
  for (const response of successResponses(operation)) {
    const mediaType = response.content?.mediaType;
    if (mediaType !== undefined && mediaType !== "*/*" && /^[\x21-\x7e][\x20-\x7e]*$/.test(mediaType) && mediaType.includes("/")) mediaTypes.add(mediaType);
  }
  return mediaTypes.size === 0 ? undefined : [...mediaTypes].join(", ");
}

/** The runtime's `PaginationSpec`: plain data, keys in a fixed order. */
function paginationSpec(pagination: Pagination): Expr {
  const properties: ObjectProperty[] = [
    { key: "style", value: str(pagination.style) },
    { key: "items", value: fieldPath(pagination.items) },
  ];
  const add = (key: string, value: Expr | undefined): void => {
    if (value !== undefined) properties.push({ key, value });
  };
  const text = (value: string | undefined): Expr | undefined => (value === undefined ? undefined : str(value));
  const count = (value: number | undefined): Expr | undefined => (value === undefined ? undefined : num(value));
  switch (pagination.style) {
    case "offset":
      add("offset", str(pagination.offset));
      add("limit", text(pagination.limit));
      add("defaultLimit", count(pagination.defaultLimit));
      add("total", valueSource(pagination.total));
      break;
    case "page":
      add("page", str(pagination.page));
      add("size", text(pagination.size));
      add("defaultSize", count(pagination.defaultSize));
      add("firstPage", num(pagination.firstPage));
      add("total", valueSource(pagination.total));
      add("totalPages", valueSource(pagination.totalPages));
      break;
    case "cursor": {
      const next = pagination.nextCursor;
      add("cursor", str(pagination.cursor));
      add("nextCursor", isFieldPath(next) || "header" in next ? valueSource(next) : inlineObject([{ key: "lastItem", value: fieldPath(next.lastItem) }]));
      break;
    }
    case "nextUrl":
      add("next", valueSource(pagination.next));
      break;
    case "linkHeader":
      break;
  }
  add("hasMore", valueSource(pagination.hasMore));
  return object(properties);
}

function valueSource(source: ValueSource | undefined): Expr | undefined {
  if (source === undefined) return undefined;
  return isFieldPath(source) ? fieldPath(source) : inlineObject([{ key: "header", value: str(source.header) }]);
}

function fieldPath(path: FieldPath): Expr {
  return array(path.map(str));
}

function parameterSpec(parameter: Parameter, schemaOf: SchemaOf): Expr {
  const schema = checksParameter(parameter) ? schemaOf(parameter.schema, "write") : undefined;
  return inlineObject([
    { key: "name", value: str(parameter.name) },
    { key: "in", value: str(parameter.in) },
    ...(parameter.key !== parameter.name ? [{ key: "key", value: str(parameter.key) }] : []),
    { key: "style", value: str(parameter.style) },
    { key: "explode", value: bool(parameter.explode) },
    ...(parameter.allowReserved ? [{ key: "allowReserved", value: bool(true) }] : []),
    ...(parameter.json ? [{ key: "json", value: bool(true) }] : []),
    ...(schema ? [{ key: "schema", value: schema }] : []),
  ]);
}

function responseSpec(
  response: Response,
  schemaOf: SchemaOf,
  validator: (schemaExpr: Expr | undefined) => ObjectProperty[],
): Expr {
  const content = response.content;
  if (!content) return inlineObject([{ key: "kind", value: str("empty") }]);
  if (content.stream) {
    return inlineObject([
      { key: "kind", value: str("stream") },
      { key: "format", value: str(content.stream.format) },
      ...(content.stream.events ? [{ key: "events", value: bool(true) }] : []),
      ...(content.stream.text ? [{ key: "text", value: bool(true) }] : validator(schemaOf(content.schema, "read"))),
    ]);
  }
  const kind = content.kind === "json" || content.kind === "text" ? content.kind : "binary";
  return inlineObject([{ key: "kind", value: str(kind) }, ...(kind === "json" ? validator(schemaOf(content.schema, "read")) : [])]);
}

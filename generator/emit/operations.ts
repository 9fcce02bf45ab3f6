/**
 * `operations.ts`: the data the runtime needs per operation (`OperationSpec`), with every
 * OpenAPI default already resolved by the IR. Each is a function the runtime calls on the
 * operation's first use, so importing a big SDK compiles only the specs it calls.
 */
import type { OperationSpec, PaginationSpec, ParamSpec, ResponseSpec } from "../../runtime/operation.js";
import type { Operation, Pagination, PaginationFacts, Parameter, Response, Schema } from "../model/model.js";
import { paginationOf } from "../analyze/pagination/decide.js";
import { arrow, identifiers, path, type Expr } from "./code/expressions.js";
import type { Statement } from "./code/module.js";
import { tsRef } from "./code/types.js";
import { Code, valueLiteral, type Written } from "./code/value-literal.js";
import type { EmitContext, View } from "./context.js";
import { LAZY_BINDINGS, loaderImports, validatorBindings, type LazyBinding } from "./load-validators.js";
import { encodePathTemplate } from "./path-template.js";
import { schemaName, toZod } from "./schemas.js";
import { serverSpecs } from "./servers.js";
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
      value: arrow(operationSpecLiteral(ctx, operation), tsRef("OperationSpec")),
    }));
    const used = identifiers(consts.map((statement) => statement.value));
    specs = { consts, used, lazy: LAZY_BINDINGS.filter((binding) => used.has(binding)) };
    built.set(ctx, specs);
  }
  return specs;
}

/** A validator for a schema, or undefined when there is nothing to check. */
type SchemaOf = (schema: Schema, view: View) => Code | undefined;

/** The expression operations.ts exports for one operation: the runtime's `OperationSpec`. */
export function operationSpecLiteral(ctx: EmitContext, operation: Operation): Expr {
  return valueLiteral(operationSpec(ctx, operation), expandedInSpec);
}

/** The spec and its body, responses, pagination, part encodings and servers are expanded; the rest stays on a line when it fits. */
function expandedInSpec(path: readonly string[]): boolean {
  const [first, second] = path;
  if (path.length === 0) return true;
  if (path.length === 1) return first === "body" || first === "responses" || first === "pagination";
  if (first === "servers") return path.length > 1;
  return path.length === 2 && first === "body" && second === "encoding";
}

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

function operationSpec(ctx: EmitContext, operation: Operation): Written<OperationSpec> {
  const schemaOf: SchemaOf = (schema, view) => {
    const made = lazyValidator(ctx, schema, view);
    return made && new Code(made);
  };
  const body = operation.body;
  const pagination = paginationOf(operation);
  return {
    id: operation.operationId,
    method: operation.method,
    path: encodePathTemplate(operation.path),
    params: operation.parameters.map((parameter) => parameterSpec(parameter, schemaOf)),
    body: body && {
      kind: body.stream ? "stream" : body.kind,
      mediaType: body.mediaType,
      format: body.stream,
      encoding:
        body.encoding.size > 0
          ? new Map([...body.encoding].map(([name, part]) => [name, { contentType: part.contentType, style: part.style, explode: part.explode }]))
          : undefined,
      schema: body.kind === "binary" ? undefined : schemaOf(body.schema, "write"),
    },
    accept: acceptOf(operation),
    responses: new Map(operation.responses.map((response) => [response.status, responseSpec(response, schemaOf)])),
    security: operation.security.length > 0 ? operation.security : undefined,
    pagination: pagination && runtimePagination(pagination),
    resumable: operation.resumable ? true : undefined,
    servers: operation.servers && serverSpecs(operation.servers),
  };
}

/** What of the model's pagination is generation's own, and stays out of the SDK. */
const GENERATION_ONLY = { itemSchema: true, origin: true, reason: true } as const satisfies Record<keyof PaginationFacts, true>;

/** The runtime's `PaginationSpec`: the model's pagination without what only generation needs. */
function runtimePagination(pagination: Pagination): PaginationSpec {
  return Object.fromEntries(Object.entries(pagination).filter(([key]) => !Object.hasOwn(GENERATION_ONLY, key))) as unknown as PaginationSpec;
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

function parameterSpec(parameter: Parameter, schemaOf: SchemaOf): Written<ParamSpec> {
  return {
    name: parameter.name,
    in: parameter.in,
    key: parameter.key !== parameter.name ? parameter.key : undefined,
    style: parameter.style,
    explode: parameter.explode,
    allowReserved: parameter.allowReserved ? true : undefined,
    json: parameter.json ? true : undefined,
    schema: checksParameter(parameter) ? schemaOf(parameter.schema, "write") : undefined,
  };
}

function responseSpec(response: Response, schemaOf: SchemaOf): Written<ResponseSpec> {
  const content = response.content;
  const none = { schema: undefined, format: undefined, text: undefined, events: undefined };
  if (!content) return { kind: "empty", ...none };
  if (content.stream) {
    return {
      kind: "stream",
      format: content.stream.format,
      events: content.stream.events ? true : undefined,
      text: content.stream.text ? true : undefined,
      schema: content.stream.text ? undefined : schemaOf(content.schema, "read"),
    };
  }
  const kind = content.kind === "json" || content.kind === "text" ? content.kind : "binary";
  return { kind, ...none, schema: kind === "json" ? schemaOf(content.schema, "read") : undefined };
}

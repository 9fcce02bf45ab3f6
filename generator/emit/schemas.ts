/**
 * `schemas.ts`: a zod validator per named schema, `${Name}Schema`, next to its type. Each is a
 * `z.lazy`, so importing the SDK builds nothing and `validate: "off"` never builds a schema (but
 * with `dates: "date"`, where unvalidated bodies are walked along their schemas for date-times).
 */
import type { NamedSchema, ObjectSchema, Schema } from "../model/model.js";
import { arrow, array, bool, call, id, identifiers, inlineObject, literal, member, newExpr, num, object, path, pure, str, type Expr } from "./code/expressions.js";
import type { Statement } from "./code/module.js";
import { tsRef } from "./code/types.js";
import { type EmitContext, inView, type View } from "./context.js";
import { discriminatorTag, mergedObject } from "./shapes.js";

const z = (name: string, args: readonly Expr[] = []): Expr => call(path(`z.${name}`), args);

export function schemasModule(ctx: EmitContext): Statement[] {
  const consts = ctx.model.schemas.flatMap((named) => [
    schemaConst(ctx, named, ctx.mainView(named)),
    ...(named.hasWritableView ? [schemaConst(ctx, named, "write")] : []),
  ]);
  // A namespace import: unlike zod's `z` export, it lets a bundler keep only the parts used.
  const imports: Statement[] = [{ s: "importNamespace", from: ctx.zodModule(), as: "z" }];
  const used = identifiers(consts.map((statement) => statement.value));
  if (used.has("ownProperties")) imports.push({ s: "import", from: ctx.runtimeModule(), names: [{ name: "ownProperties" }] });
  // From its own module: the runtime's index loads no zod (see runtime/date-codec.ts).
  if (used.has("isoDateTime")) imports.push({ s: "import", from: ctx.runtimeModule("dates.js"), names: [{ name: "isoDateTime" }] });
  if (ctx.model.schemas.some((named) => named.recursive)) imports.push({ s: "importNamespace", typeOnly: true, from: "./types.js", as: "T" });
  return [...imports, ...consts];
}

export function schemaName(ctx: EmitContext, pointer: string, view: View): string {
  return `${ctx.typeName(pointer, view)}Schema`;
}

function schemaConst(ctx: EmitContext, named: NamedSchema, view: View): Extract<Statement, { s: "const" }> {
  const typeName = view === "write" && named.hasWritableView ? `${named.name}Writable` : named.name;
  return {
    s: "const",
    exported: true,
    name: `${typeName}Schema`,
    // A cycle defeats inference; its members are annotated with the emitted type instead.
    ...(named.recursive && { type: tsRef(ctx.options.zod === "mini" ? "z.ZodMiniType" : "z.ZodType", [tsRef(`T.${typeName}`)]) }),
    // Pure: a bundler drops the validators no imported operation reaches (see funcs.ts).
    value: pure(z("lazy", [arrow(toZod(ctx, named.schema, view))])),
  };
}

/** How a reference to another validator is written: bare in schemas.ts, `s.X` elsewhere. */
export type RefStyle = (schemaConstName: string) => Expr;

export function toZod(ctx: EmitContext, schema: Schema, view: View, ref: RefStyle = id): Expr {
  const base = baseZod(ctx, schema, view, ref);
  return schema.nullable && schema.kind !== "null" ? z("nullable", [base]) : base;
}

function baseZod(ctx: EmitContext, schema: Schema, view: View, ref: RefStyle): Expr {
  switch (schema.kind) {
    case "ref":
      return ref(schemaName(ctx, schema.target, view));
    case "string":
      // Length and pattern constrain text, which a `Date` no longer is; the codec checks RFC 3339.
      if (ctx.isDate(schema)) return id("isoDateTime");
      // Nor is an upload (a Blob or a stream): zod's length checks do not apply to them.
      if (schema.format === "binary" && view === "write") return stringBase(schema.format, view);
      return withChecks(stringBase(schema.format, view), [
        schema.minLength !== undefined && z("minLength", [num(schema.minLength)]),
        schema.maxLength !== undefined && z("maxLength", [num(schema.maxLength)]),
        schema.pattern !== undefined && z("regex", [newExpr(id("RegExp"), [str(schema.pattern)])]),
      ]);
    case "number":
      return withChecks(z(schema.integer ? (schema.format === "int32" ? "int32" : "int") : "number"), [
        schema.minimum !== undefined && z("gte", [num(schema.minimum)]),
        schema.maximum !== undefined && z("lte", [num(schema.maximum)]),
        schema.exclusiveMinimum !== undefined && z("gt", [num(schema.exclusiveMinimum)]),
        schema.exclusiveMaximum !== undefined && z("lt", [num(schema.exclusiveMaximum)]),
        schema.multipleOf !== undefined && z("multipleOf", [num(schema.multipleOf)]),
      ]);
    case "boolean":
      return z("boolean");
    case "null":
      return z("null");
    case "unknown":
      return z("unknown");
    case "enum":
      return schema.values.every((value) => typeof value === "string")
        ? z("enum", [array(schema.values.map(literal))])
        : z("literal", [array(schema.values.map(literal))]);
    case "array": {
      const items = toZod(ctx, schema.items, view, ref);
      const base = schema.prefixItems
        ? z("tuple", [array(schema.prefixItems.map((item) => toZod(ctx, item, view, ref))), items])
        : z("array", [items]);
      return withChecks(base, [
        schema.minItems !== undefined && z("minLength", [num(schema.minItems)]),
        schema.maxItems !== undefined && z("maxLength", [num(schema.maxItems)]),
      ]);
    }
    case "object":
      return objectZod(ctx, schema, view, ref);
    case "union": {
      if (schema.variants.length === 0) return z("never");
      if (schema.variants.length === 1 && schema.variants[0]) return toZod(ctx, schema.variants[0], view, ref);
      const variants = array(schema.variants.map((variant) => toZod(ctx, variant, view, ref)));
      const tag = discriminatorTag(ctx, schema, view);
      return tag !== undefined ? z("discriminatedUnion", [str(tag), variants]) : z("union", [variants]);
    }
    case "allOf": {
      const merged = mergedObject(ctx, schema, view, 0);
      if (merged) return objectZod(ctx, merged, view, ref);
      return schema.parts.map((part) => toZod(ctx, part, view, ref)).reduce((left, right) => z("intersection", [left, right]));
    }
  }
}

function stringBase(format: string | undefined, view: View): Expr {
  switch (format) {
    case "date-time":
      return call(path("z.iso.datetime"), [inlineObject([{ key: "offset", value: bool(true) }])]);
    case "date":
      return call(path("z.iso.date"));
    case "time":
      return call(path("z.iso.time"));
    case "uuid":
      return z("guid");
    case "email":
      return z("email");
    case "uri":
    case "url":
      return z("url");
    case "ipv4":
      return z("ipv4");
    case "ipv6":
      return z("ipv6");
    case "byte":
      return z("base64");
    case "binary":
      return view === "write" ? z("union", [array([z("instanceof", [id("Blob")]), uint8Stream])]) : z("string");
    default:
      return z("string");
  }
}

/**
 * `z.instanceof(ReadableStream)` would validate a `ReadableStream<unknown>`, which a recursive
 * validator, typed by hand as the type's `ZodType`, could not be assigned to: the type says
 * `ReadableStream<Uint8Array>` (see types.ts).
 */
const uint8Stream = call(path("z.instanceof"), [id("ReadableStream")], [tsRef("typeof ReadableStream", [tsRef("Uint8Array")])]);

function withChecks(base: Expr, checks: readonly (Expr | false)[]): Expr {
  const present = checks.filter((check): check is Expr => check !== false);
  return present.length === 0 ? base : call(member(base, "check"), present);
}

function objectZod(ctx: EmitContext, schema: ObjectSchema, view: View, ref: RefStyle): Expr {
  const properties = schema.properties
    .filter((property) => inView(property.schema, view))
    .map((property) => {
      const value = toZod(ctx, property.schema, view, ref);
      return { key: property.name, value: property.required ? value : z("exactOptional", [value]) };
    });
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== false && extra.kind !== "unknown") {
    const values = toZod(ctx, extra, view, ref);
    if (properties.length === 0) return z("record", [z("string"), values]);
    const open = z("object", [object(properties)]);
    // zod/mini has no methods beyond `check`: its objects take their catchall from a function.
    return ownPropertiesOnly(ctx, schema, ctx.options.zod === "mini" ? z("catchall", [open, values]) : call(member(open, "catchall"), [values]));
  }
  // Objects tolerate keys the spec does not list: APIs add fields long before SDKs regenerate.
  return ownPropertiesOnly(ctx, schema, z(ctx.options.strict ? "strictObject" : "looseObject", [object(properties)]));
}

/** See runtime/own-properties.ts: `constructor`, `toString`… must not be read from the prototype. */
function ownPropertiesOnly(ctx: EmitContext, schema: ObjectSchema, validator: Expr): Expr {
  const inherited = schema.properties.some((property) => property.name in Object.prototype);
  if (!inherited) return validator;
  // zod/mini has no `preprocess`; classic zod's is this very pipe.
  return ctx.options.zod === "mini" ? z("pipe", [z("transform", [id("ownProperties")]), validator]) : z("preprocess", [id("ownProperties"), validator]);
}


/**
 * `types.ts`: one exported type per named schema (and its request-side `Writable` view), plus
 * each operation's `Args` and `Error` types.
 */
import type { MediaKind, NamedSchema, ObjectSchema, Operation, Parameter, Response, Schema } from "../model/model.js";
import { declaredTypes, type Statement } from "./code/module.js";
import { specDocLines } from "./spec-text.js";
import { tsIntersection, tsKeyword, tsRef, tsUnion, typeNames, type TsMember, type TsType } from "./code/types.js";
import { defaultDoc, type EmitContext, inView, schemaDoc, type View } from "./context.js";
import { discriminatorTag } from "./shapes.js";

export function typesModule(ctx: EmitContext): Statement[] {
  const statements: Statement[] = [];
  for (const named of ctx.model.schemas) {
    statements.push(namedType(ctx, named, ctx.mainView(named)));
    if (named.hasWritableView) statements.push(namedType(ctx, named, "write"));
  }
  for (const operation of ctx.model.operations) {
    const args = argsMembers(ctx, operation);
    if (args.length > 0) {
      statements.push({ s: "interface", name: `${operation.typeName}Args`, extends: [], members: args, doc: [`Arguments of \`${operation.name}\`.`] });
    }
    statements.push({
      s: "type",
      name: `${operation.typeName}Error`,
      type: errorType(ctx, operation),
      doc: [`The errors \`${operation.name}\` declares.`],
    });
  }
  const used = typeNames(declaredTypes(statements));
  const runtimeTypes = ["ApiError", "Unlisted", "UnlistedVariant"].filter((name) => used.has(name));
  if (runtimeTypes.length === 0) return statements;
  return [{ s: "import", typeOnly: true, from: ctx.runtimeModule(), names: runtimeTypes.map((name) => ({ name })) }, ...statements];
}

function namedType(ctx: EmitContext, named: NamedSchema, view: View): Statement {
  const name = view === "write" && named.hasWritableView ? `${named.name}Writable` : named.name;
  const extraDoc = name !== named.name ? `The request-side view of {@link ${named.name}}: read-only fields omitted.` : undefined;
  const doc = schemaDoc(named.schema, extraDoc);
  const schema = named.schema;
  if (schema.kind === "object" && !schema.nullable) {
    return { s: "interface", name, extends: [], members: objectMembers(ctx, schema, view, ctx.tagsOf(named.pointer)), ...(doc && { doc }) };
  }
  const parents = interfaceParents(ctx, schema, view, ctx.tagsOf(named.pointer));
  if (parents) return { s: "interface", name, extends: parents.extends, members: parents.members, ...(doc && { doc }) };
  const open = isOpen(ctx, view) && ctx.tagsOf(named.pointer).size === 0;
  return { s: "type", name, type: toType(ctx, schema, view, open), ...(doc && { doc }) };
}

/**
 * `allOf` of object references plus inline objects reads best, and type-checks fastest, as an
 * interface that extends the references. Only when every reference is itself emitted as an
 * interface, references that share a property give it the same type (else TypeScript rejects
 * the interface, TS2320, and the intersection is emitted as a type alias), and no own property
 * redeclares an inherited one. `properties`: every property of the interface, own and inherited.
 */
function interfaceParents(
  ctx: EmitContext,
  schema: Schema,
  view: View,
  closed: ReadonlySet<string> = new Set(),
  depth = 0,
): { extends: TsType[]; members: TsMember[]; properties: ReadonlyMap<string, string> } | undefined {
  if (schema.kind !== "allOf" || schema.nullable) return undefined;
  const inherited = new Map<string, string>();
  const parents: TsType[] = [];
  const own: ObjectSchema[] = [];
  for (const part of schema.parts) {
    if (part.kind === "ref" && !part.nullable) {
      const properties = interfaceProperties(ctx, ctx.named(part.target), view, depth);
      if (!properties) return undefined;
      for (const [key, signature] of properties) {
        if ((inherited.get(key) ?? signature) !== signature) return undefined;
        inherited.set(key, signature);
      }
      parents.push(tsRef(ctx.typeName(part.target, view)));
    } else if (part.kind === "object" && !part.nullable && !part.additionalProperties) {
      own.push(part);
    } else {
      return undefined;
    }
  }
  const members = oneIndexSignature(own.flatMap((part) => objectMembers(ctx, part, view, closed)));
  if (parents.length === 0 || members.some((m) => "key" in m && inherited.has(m.key))) return undefined;
  return { extends: parents, members, properties: new Map([...inherited, ...signatures(members)]) };
}

/** Several own parts may each be open to any key; an interface may declare one index signature. */
function oneIndexSignature(members: readonly TsMember[]): TsMember[] {
  const indexes = members.filter((member) => "index" in member);
  if (indexes.length < 2) return [...members];
  const first = JSON.stringify(indexes[0]!.type);
  const type = indexes.every((member) => JSON.stringify(member.type) === first) ? indexes[0]!.type : tsKeyword("unknown");
  return [...members.filter((member) => !("index" in member)), { index: true, type }];
}

/**
 * The properties of a schema emitted as an interface, each with its signature (type and
 * optionality, which TypeScript requires identical in two parents), or undefined when it is not one.
 */
function interfaceProperties(ctx: EmitContext, named: NamedSchema, view: View, depth: number): ReadonlyMap<string, string> | undefined {
  const { schema } = named;
  if (schema.kind === "object" && !schema.nullable && !schema.additionalProperties && schema.properties.length > 0) {
    return new Map(signatures(objectMembers(ctx, schema, view, ctx.tagsOf(named.pointer))));
  }
  if (depth > 8) return undefined;
  return interfaceParents(ctx, schema, view, ctx.tagsOf(named.pointer), depth + 1)?.properties;
}

function signatures(members: readonly TsMember[]): [string, string][] {
  return members.flatMap((member) => ("key" in member ? [[member.key, JSON.stringify([member.optional, member.readonly ?? false, member.type])] as [string, string]] : []));
}

/**
 * `open`: enums in this type admit values the spec did not list (`Unlisted<…>`); by default in
 * response types of non-strict SDKs.
 */
export function toType(ctx: EmitContext, schema: Schema, view: View, open = isOpen(ctx, view)): TsType {
  const base = baseType(ctx, schema, view, open);
  return schema.nullable && schema.kind !== "null" ? tsUnion([base, tsKeyword("null")]) : base;
}

function baseType(ctx: EmitContext, schema: Schema, view: View, open: boolean): TsType {
  switch (schema.kind) {
    case "ref":
      return tsRef(ctx.typeName(schema.target, view));
    case "string":
      if (ctx.isDate(schema)) return tsRef("Date");
      // A file in a request: a Blob (a File, or fs.openAsBlob's) or a stream, sent as it is read.
      return schema.format === "binary" && view === "write" ? tsUnion([tsRef("Blob"), tsRef("ReadableStream", [tsRef("Uint8Array")])]) : tsKeyword("string");
    case "number":
      return tsKeyword("number");
    case "boolean":
      return tsKeyword("boolean");
    case "null":
      return tsKeyword("null");
    case "unknown":
      return tsKeyword("unknown");
    case "enum": {
      const literals: TsType[] = schema.values.map((value) => ({ t: "literal", value }));
      return tsUnion(open ? [...literals, unlisted(tsUnion([...new Set(schema.values.map((value) => typeof value))].map(keywordOf)))] : literals);
    }
    case "array": {
      const items = toType(ctx, schema.items, view, open);
      if (!schema.prefixItems) return { t: "array", element: items };
      const elements = schema.prefixItems.map((item) => toType(ctx, item, view, open));
      return { t: "tuple", elements, rest: items };
    }
    case "object":
      return { t: "object", members: objectMembers(ctx, schema, view) };
    case "union": {
      const discriminator = discriminatorTag(ctx, schema, view);
      // An inline variant's tag stays literal, as a named variant's does (see `tagsOf`), so that it narrows.
      const variants = schema.variants.map((variant) =>
        variant.kind === "object" && !variant.nullable && discriminator !== undefined
          ? { t: "object" as const, members: objectMembers(ctx, variant, view, new Set([discriminator])) }
          : toType(ctx, variant, view, open),
      );
      // Only a discriminated union's validator can tell an unlisted variant from a malformed one.
      const tag = open ? discriminator : undefined;
      return tsUnion(tag === undefined ? variants : [...variants, tsRef("UnlistedVariant", [{ t: "literal", value: tag }])]);
    }
    case "allOf":
      return tsIntersection(schema.parts.map((part) => toType(ctx, part, view, open)));
  }
}

/**
 * Responses may carry enum values and variants added after the SDK was generated: unless the SDK
 * is strict, their types say so with an `Unlisted<…>` or `UnlistedVariant<…>` member (requests
 * stay closed).
 */
function isOpen(ctx: EmitContext, view: View): boolean {
  return view === "read" && !ctx.options.strict;
}

function unlisted(type: TsType): TsType {
  return tsRef("Unlisted", [type]);
}

function keywordOf(type: string): TsType {
  return tsKeyword(type === "number" ? "number" : type === "boolean" ? "boolean" : "string");
}

/** `closed`: properties that are discriminator tags, whose enums stay literal for narrowing. */
function objectMembers(ctx: EmitContext, schema: ObjectSchema, view: View, closed: ReadonlySet<string> = new Set()): TsMember[] {
  const members: TsMember[] = schema.properties
    .filter((property) => inView(property.schema, view))
    .map((property) => {
      const doc = schemaDoc(property.schema);
      return {
        key: property.name,
        optional: !property.required,
        type: toType(ctx, property.schema, view, isOpen(ctx, view) && !closed.has(property.name)),
        ...(doc && { doc }),
      };
    });
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== false) {
    // An index signature must admit every named property, so beside them it can only be unknown.
    members.push({ index: true, type: members.length > 0 ? tsKeyword("unknown") : toType(ctx, extra, view) });
  } else if (schema.properties.length === 0 && extra === undefined) {
    members.push({ index: true, type: tsKeyword("unknown") });
  }
  return members;
}

// --- operations ------------------------------------------------------------------------------

function argsMembers(ctx: EmitContext, operation: Operation): TsMember[] {
  const members: TsMember[] = operation.parameters.map((parameter) => {
    const doc = parameterDoc(parameter);
    return {
      key: parameter.key,
      optional: !parameter.required,
      type: toType(ctx, parameter.schema, "write"),
      ...(doc.length > 0 && { doc }),
    };
  });
  if (operation.body) {
    const doc = operation.body.description !== undefined ? specDocLines(operation.body.description) : [];
    members.push({
      key: "body",
      optional: !operation.body.required,
      type: operation.body.stream
        ? tsUnion([tsRef("Iterable", [toType(ctx, operation.body.schema, "write")]), tsRef("AsyncIterable", [toType(ctx, operation.body.schema, "write")])])
        : bodyType(ctx, operation.body.kind, operation.body.schema, "write"),
      ...(doc.length > 0 && { doc }),
    });
  }
  return members;
}

/** The parameter's description, then its tags: what a caller sees in the hover. */
function parameterDoc(parameter: Parameter): string[] {
  const doc = parameter.description !== undefined ? specDocLines(parameter.description) : [];
  doc.push(...defaultDoc(parameter.schema.default));
  if (parameter.deprecated) doc.push("@deprecated");
  return doc;
}

export function bodyType(ctx: EmitContext, kind: MediaKind, schema: Schema, view: View): TsType {
  if (kind === "binary") return view === "write" ? tsUnion([tsRef("Blob"), tsRef("ArrayBuffer"), tsRef("Uint8Array"), tsRef("ReadableStream", [tsRef("Uint8Array")])]) : tsRef("Response");
  if (kind === "text" && view === "read") return tsKeyword("string");
  return toType(ctx, schema, view);
}

/** The result type of an operation: the union of its success bodies. */
export function resultType(ctx: EmitContext, operation: Operation): TsType {
  const successes = successResponses(operation);
  if (successes.length === 0) return tsKeyword("unknown");
  return tsUnion(successes.map((response) => responseBodyType(ctx, response)));
}

export function successResponses(operation: Operation): Response[] {
  const successes = operation.responses.filter((r) => r.status.startsWith("2"));
  if (successes.length > 0) return successes;
  return operation.responses.filter((r) => r.status === "default");
}

export function responseBodyType(ctx: EmitContext, response: Response): TsType {
  if (!response.content) return tsKeyword("undefined");
  if (response.content.stream) return tsRef("Stream", [toType(ctx, response.content.schema, "read")]);
  return bodyType(ctx, response.content.kind, response.content.schema, "read");
}

function declaredErrors(operation: Operation): Response[] {
  const successes = new Set(successResponses(operation));
  return operation.responses.filter((response) => !successes.has(response) && !response.status.startsWith("2"));
}

function errorType(ctx: EmitContext, operation: Operation): TsType {
  const errors = declaredErrors(operation);
  // `isError` is true only for declared statuses: with none declared it never is.
  if (errors.length === 0) return tsKeyword("never");
  return tsUnion(
    errors.map((response) => {
      const status: TsType = /^\d+$/.test(response.status) ? { t: "literal", value: Number(response.status) } : tsKeyword("number");
      const body = response.content?.kind === "binary" ? tsKeyword("unknown") : responseBodyType(ctx, response);
      return tsRef("ApiError", [status, body]);
    }),
  );
}

/**
 * Schema Object → IR schema. 3.0 (`nullable`, boolean `exclusiveMinimum`) and 3.1 (type arrays,
 * `const`, `prefixItems`, numeric exclusive bounds) differences are absorbed here.
 * @see https://spec.openapis.org/oas/v3.0.3#schema-object
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
import { appendPointer } from "../errors.js";
import { type BuildContext, isObject, type Json, type JsonObject, numberOf, stringOf } from "./context.js";
import type { Discriminator, Literal, Property, Schema, SchemaMeta } from "../model/model.js";

const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null", "file"]);

export function convertSchema(ctx: BuildContext, raw: Json, pointer: string): Schema {
  if (raw === true || (isObject(raw) && Object.keys(raw).length === 0)) return { kind: "unknown", pointer };
  if (raw === false) return { kind: "union", variants: [], pointer };
  if (!isObject(raw)) {
    ctx.warn("unsupported-schema", "a schema must be an object: typed as unknown", pointer);
    return { kind: "unknown", pointer };
  }
  const meta = readMeta(ctx, raw, pointer);

  if (typeof raw.$ref === "string") {
    const ref: Schema = { kind: "ref", target: ctx.schemaRef(raw.$ref, pointer), ...meta };
    // 3.0 ignores siblings of $ref; 3.1 applies them, so constraining siblings become an allOf.
    const { $ref: _ref, description: _d, summary: _s, ...rest } = raw;
    if (ctx.version === "3.1" && hasSchemaKeywords(rest)) {
      return { kind: "allOf", parts: [{ kind: "ref", target: ref.target, pointer }, convertSchema(ctx, rest, pointer)], ...meta };
    }
    return ref;
  }

  const typeList = readTypes(ctx, raw, pointer);
  const nullable = meta.nullable === true || typeList.includes("null") || (Array.isArray(raw.enum) && raw.enum.includes(null));
  const types = typeList.filter((t) => t !== "null");
  const withNull = nullable ? { ...meta, nullable: true } : meta;

  if (types.length > 1) {
    const variants = types.map((type) => convertSchema(ctx, { ...raw, type, nullable: false }, pointer));
    return { kind: "union", variants, ...withNull };
  }

  const composition = convertComposition(ctx, raw, pointer, withNull);
  if (composition) return composition;

  const literals = readLiterals(ctx, raw, pointer);
  if (literals) {
    if (literals.length === 0) return nullable ? { kind: "null", ...meta } : { kind: "union", variants: [], ...meta };
    return { kind: "enum", values: literals, ...withNull };
  }

  const type = types[0] ?? inferType(raw);
  switch (type) {
    case "string":
      return convertString(ctx, raw, pointer, withNull);
    case "file":
      return { kind: "string", format: "binary", ...withNull };
    case "number":
    case "integer":
      return convertNumber(raw, type === "integer", withNull);
    case "boolean":
      return { kind: "boolean", ...withNull };
    case "array":
      return convertArray(ctx, raw, pointer, withNull);
    case "object":
      return convertObject(ctx, raw, pointer, withNull);
    case "null":
      return { kind: "null", ...meta };
    default:
      return typeList.includes("null") ? { kind: "null", ...meta } : { kind: "unknown", ...withNull };
  }
}

function readMeta(ctx: BuildContext, raw: JsonObject, pointer: string): SchemaMeta {
  const meta: { -readonly [K in keyof SchemaMeta]: SchemaMeta[K] } = { pointer };
  const title = stringOf(raw.title);
  const description = stringOf(raw.description);
  if (title !== undefined) meta.title = title;
  if (description !== undefined) meta.description = description;
  if (raw.deprecated === true) meta.deprecated = true;
  if (raw.nullable === true || raw["x-nullable"] === true) meta.nullable = true;
  if (raw.readOnly === true) meta.readOnly = true;
  if (raw.writeOnly === true) meta.writeOnly = true;
  if (raw.default !== undefined) {
    if (isPlausibleDefault(raw, raw.default)) meta.default = raw.default;
    else ctx.warn("invalid-default", `default ${JSON.stringify(raw.default)} does not match the schema: dropped`, appendPointer(pointer, "default"));
  }
  return meta;
}

/** A cheap type check of `default` against `type`; the validators check the rest. */
function isPlausibleDefault(raw: JsonObject, value: Json): boolean {
  const types = typeof raw.type === "string" ? [raw.type] : Array.isArray(raw.type) ? raw.type : [];
  if (types.length === 0) return true;
  if (value === null) return types.includes("null") || raw.nullable === true;
  return types.some((type) => {
    switch (type) {
      case "string":
        return typeof value === "string";
      case "number":
        return typeof value === "number";
      case "integer":
        return Number.isInteger(value);
      case "boolean":
        return typeof value === "boolean";
      case "array":
        return Array.isArray(value);
      case "object":
        return isObject(value);
      default:
        return true;
    }
  });
}

function hasSchemaKeywords(raw: JsonObject): boolean {
  return Object.keys(raw).some(
    (key) => !key.startsWith("x-") && !["title", "example", "examples", "deprecated", "readOnly", "writeOnly", "default", "nullable", "$comment"].includes(key),
  );
}

function readTypes(ctx: BuildContext, raw: JsonObject, pointer: string): string[] {
  const { type } = raw;
  if (type === undefined) return [];
  const list = Array.isArray(type) ? type : [type];
  const valid = list.filter((t): t is string => typeof t === "string" && TYPES.has(t));
  if (valid.length !== list.length) {
    ctx.warn("unsupported-schema", `unsupported type ${JSON.stringify(type)}: unknown members ignored`, appendPointer(pointer, "type"));
  }
  return [...new Set(valid)];
}

function inferType(raw: JsonObject): string | undefined {
  if (isObject(raw.properties) || raw.additionalProperties !== undefined) return "object";
  if (raw.items !== undefined || raw.prefixItems !== undefined) return "array";
  if (raw.format === "binary") return "string";
  if (raw.pattern !== undefined || raw.minLength !== undefined || raw.maxLength !== undefined) return "string";
  return undefined;
}

function readLiterals(ctx: BuildContext, raw: JsonObject, pointer: string): Exclude<Literal, null>[] | undefined {
  const values = raw.const !== undefined ? [raw.const] : Array.isArray(raw.enum) ? raw.enum : undefined;
  if (!values) return undefined;
  const literals: Exclude<Literal, null>[] = [];
  for (const value of values) {
    if (value === null) continue;
    if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) {
      if (!literals.includes(value)) literals.push(value);
    } else {
      ctx.warn("unsupported-schema", "enum values that are objects or arrays are not supported: typed as unknown", appendPointer(pointer, "enum"));
      return undefined;
    }
  }
  return literals;
}

function convertComposition(ctx: BuildContext, raw: JsonObject, pointer: string, meta: SchemaMeta): Schema | undefined {
  const allOf = Array.isArray(raw.allOf) && raw.allOf.length > 0 ? raw.allOf : undefined;
  const alternatives = alternativesOf(raw);
  // The own part is converted only for a composition: otherwise the caller converts the schema
  // once more, and every nested object would be converted twice per level (warnings too).
  if (!allOf) {
    if (!alternatives) return undefined;
    const own = ownObjectPart(ctx, raw, pointer);
    const union = convertAlternatives(ctx, raw, alternatives, pointer, own ? { pointer } : meta);
    return own ? { kind: "allOf", parts: [own, union], ...meta } : union;
  }
  const own = ownObjectPart(ctx, raw, pointer);
  // An allOf inside an allOf adds nothing but nesting: its parts join the outer list.
  const parts = allOf
    .map((part, i) => convertSchema(ctx, part, appendPointer(pointer, "allOf", i)))
    .flatMap((part) => (part.kind === "allOf" && !part.nullable ? part.parts : [part]));
  const union = alternatives && convertAlternatives(ctx, raw, alternatives, pointer, { pointer });
  const all = [...parts, ...(own ? [own] : []), ...(union ? [union] : [])];
  return all.length === 1 && all[0] ? { ...all[0], ...meta } : { kind: "allOf", parts: all, ...meta };
}

interface Alternatives {
  readonly keyword: "oneOf" | "anyOf";
  readonly list: readonly Json[];
}

/** oneOf / anyOf; none when the alternatives only restate `required`, which adds nothing to a type. */
function alternativesOf(raw: JsonObject): Alternatives | undefined {
  const keyword = Array.isArray(raw.oneOf) ? "oneOf" : Array.isArray(raw.anyOf) ? "anyOf" : undefined;
  if (!keyword) return undefined;
  const list = raw[keyword] as readonly Json[];
  if (list.length === 0 || list.every((v) => isObject(v) && Object.keys(v).every((k) => k === "required" || k === "description"))) return undefined;
  return { keyword, list };
}

function convertAlternatives(ctx: BuildContext, raw: JsonObject, { keyword, list }: Alternatives, pointer: string, meta: SchemaMeta): Schema {
  const variants = list.map((variant, i) => convertSchema(ctx, variant, appendPointer(pointer, keyword, i)));
  const discriminator = readDiscriminator(ctx, raw, variants, pointer);
  return discriminator ? { kind: "union", variants, discriminator, ...meta } : { kind: "union", variants, ...meta };
}

/** The schema's own `properties`/`type: object` part beside a composition keyword. */
function ownObjectPart(ctx: BuildContext, raw: JsonObject, pointer: string): Schema | undefined {
  if (!isObject(raw.properties) && raw.additionalProperties === undefined) return undefined;
  return convertObject(ctx, raw, pointer, { pointer });
}

function readDiscriminator(ctx: BuildContext, raw: JsonObject, variants: readonly Schema[], pointer: string): Discriminator | undefined {
  const { discriminator } = raw;
  if (!isObject(discriminator) || typeof discriminator.propertyName !== "string") return undefined;
  const mapping: [string, string][] = [];
  if (isObject(discriminator.mapping)) {
    for (const [value, target] of Object.entries(discriminator.mapping)) {
      if (typeof target !== "string") continue;
      const ref = target.startsWith("#") ? target : `#/components/schemas/${target}`;
      const at = appendPointer(pointer, "discriminator", "mapping", value);
      // Often a leftover of the provider's multi-file sources; the variants themselves are intact.
      if (ctx.find(ref) === undefined) {
        ctx.warn("ignored", `discriminator mapping ${JSON.stringify(value)}: ${JSON.stringify(target)} does not resolve; the entry is ignored`, at);
        continue;
      }
      mapping.push([value, ctx.schemaRef(ref, at)]);
    }
  }
  // OpenAPI 3.2's `defaultMapping` names the schema of values outside the mapping: as one of the
  // variants, the union already accepts what it describes; any other schema it cannot.
  const fallback = stringOf(discriminator.defaultMapping);
  if (fallback !== undefined) {
    const ref = fallback.startsWith("#") ? fallback : `#/components/schemas/${fallback}`;
    if (!variants.some((variant) => variant.kind === "ref" && variant.target === ref.replace(/^#\/?/, "#/"))) {
      ctx.warn("ignored", `discriminator defaultMapping ${JSON.stringify(fallback)} is not one of the union's variants: values outside the mapping match a variant or fail validation`, appendPointer(pointer, "discriminator", "defaultMapping"));
    }
  }
  // Without a mapping, each variant's value is its component name.
  for (const variant of variants) {
    if (variant.kind !== "ref" || mapping.some(([, target]) => target === variant.target)) continue;
    const name = variant.target.split("/").pop() ?? "";
    mapping.push([name.replaceAll("~1", "/").replaceAll("~0", "~"), variant.target]);
  }
  return { propertyName: discriminator.propertyName, mapping };
}

function convertString(ctx: BuildContext, raw: JsonObject, pointer: string, meta: SchemaMeta): Schema {
  const format = stringOf(raw.format);
  const minLength = numberOf(raw.minLength);
  const maxLength = numberOf(raw.maxLength);
  const pattern = validPattern(ctx, raw.pattern, appendPointer(pointer, "pattern"));
  return {
    kind: "string",
    ...meta,
    ...(format !== undefined && { format }),
    ...(minLength !== undefined && { minLength }),
    ...(maxLength !== undefined && { maxLength }),
    ...(pattern !== undefined && { pattern }),
  };
}

/** JSON Schema patterns are ECMA-262 regexes in theory; real specs carry other dialects. */
function validPattern(ctx: BuildContext, pattern: Json, pointer: string): string | undefined {
  if (typeof pattern !== "string") return undefined;
  for (const flags of ["u", ""]) {
    try {
      new RegExp(pattern, flags);
      return pattern;
    } catch {
      // try the next flag set
    }
  }
  ctx.warn("invalid-pattern", `pattern ${JSON.stringify(pattern)} is not a valid JavaScript regex: not checked`, pointer);
  return undefined;
}

function convertNumber(raw: JsonObject, integer: boolean, meta: SchemaMeta): Schema {
  const format = stringOf(raw.format);
  let minimum = numberOf(raw.minimum);
  let maximum = numberOf(raw.maximum);
  let exclusiveMinimum = numberOf(raw.exclusiveMinimum);
  let exclusiveMaximum = numberOf(raw.exclusiveMaximum);
  // 3.0: booleans that turn `minimum`/`maximum` exclusive.
  if (raw.exclusiveMinimum === true && minimum !== undefined) [exclusiveMinimum, minimum] = [minimum, undefined];
  if (raw.exclusiveMaximum === true && maximum !== undefined) [exclusiveMaximum, maximum] = [maximum, undefined];
  const multipleOf = numberOf(raw.multipleOf);
  return {
    kind: "number",
    // `type: number` with an integer format is an integer, as ajv-formats checks it (int32 in 32 bits).
    integer: integer || format === "int32" || format === "int64",
    ...meta,
    ...(format !== undefined && { format }),
    ...(minimum !== undefined && { minimum }),
    ...(maximum !== undefined && { maximum }),
    ...(exclusiveMinimum !== undefined && { exclusiveMinimum }),
    ...(exclusiveMaximum !== undefined && { exclusiveMaximum }),
    ...(multipleOf !== undefined && multipleOf > 0 && { multipleOf }),
  };
}

function convertArray(ctx: BuildContext, raw: JsonObject, pointer: string, meta: SchemaMeta): Schema {
  const minItems = numberOf(raw.minItems);
  const maxItems = numberOf(raw.maxItems);
  let items: Schema = { kind: "unknown", pointer: appendPointer(pointer, "items") };
  let prefixItems: Schema[] | undefined;
  if (Array.isArray(raw.prefixItems)) {
    prefixItems = raw.prefixItems.map((item, i) => convertSchema(ctx, item, appendPointer(pointer, "prefixItems", i)));
  } else if (Array.isArray(raw.items)) {
    prefixItems = raw.items.map((item, i) => convertSchema(ctx, item, appendPointer(pointer, "items", i)));
  }
  if (raw.items !== undefined && !Array.isArray(raw.items)) items = convertSchema(ctx, raw.items, appendPointer(pointer, "items"));
  return {
    kind: "array",
    items,
    ...meta,
    ...(prefixItems && { prefixItems }),
    ...(minItems !== undefined && { minItems }),
    ...(maxItems !== undefined && { maxItems }),
    ...(raw.uniqueItems === true && { uniqueItems: true }),
  };
}

function convertObject(ctx: BuildContext, raw: JsonObject, pointer: string, meta: SchemaMeta): Schema {
  const required = new Set(Array.isArray(raw.required) ? raw.required.filter((r) => typeof r === "string") : []);
  const properties: Property[] = [];
  if (isObject(raw.properties)) {
    for (const [name, value] of Object.entries(raw.properties)) {
      properties.push({ name, required: required.has(name), schema: convertSchema(ctx, value, appendPointer(pointer, "properties", name)) });
    }
  }
  const extra = raw.additionalProperties;
  const additionalProperties =
    extra === false
      ? false
      : extra === true || (isObject(extra) && Object.keys(extra).length === 0)
        ? ({ kind: "unknown", pointer: appendPointer(pointer, "additionalProperties") } as const)
        : extra !== undefined
          ? convertSchema(ctx, extra, appendPointer(pointer, "additionalProperties"))
          : undefined;
  return { kind: "object", properties, additionalProperties, ...meta };
}

/**
 * Facts about what a schema resolves to, shared by the type and validator emitters so both
 * always agree: the object an allOf merges into, and the tag of a discriminated union.
 */
import type { ObjectSchema, Property, Schema } from "../model/model.js";
import { type EmitContext, inView, type View } from "./context.js";

/**
 * allOf of objects (inline, or references that resolve to objects) as one object, so it
 * validates like the merged type it is rather than as a loose intersection. A property that
 * parts declare differently must satisfy each declaration (as the emitted type, their
 * intersection, says); it is required when any part requires it. Undefined when a part is not
 * an object.
 */
export function mergedObject(ctx: EmitContext, schema: Schema, view: View, depth: number): ObjectSchema | undefined {
  if (depth > 16 || schema.nullable) return undefined;
  if (schema.kind === "object") return schema;
  if (schema.kind === "ref") return mergedObject(ctx, ctx.named(schema.target).schema, view, depth + 1);
  if (schema.kind !== "allOf") return undefined;
  const properties = new Map<string, Property>();
  let additionalProperties: ObjectSchema["additionalProperties"];
  for (const part of schema.parts) {
    const object = mergedObject(ctx, part, view, depth + 1);
    if (!object) return undefined;
    for (const property of object.properties) {
      const earlier = properties.get(property.name);
      const required = property.required || earlier?.required === true;
      const both = earlier !== undefined && !sameSchema(earlier.schema, property.schema);
      properties.set(property.name, { ...property, required, ...(both && { schema: { kind: "allOf", pointer: property.schema.pointer, parts: [earlier.schema, property.schema] } }) });
    }
    additionalProperties = object.additionalProperties ?? additionalProperties;
  }
  return { kind: "object", pointer: schema.pointer, properties: [...properties.values()], additionalProperties };
}

/** Whether two schemas accept the same values, wherever they are declared and however documented. */
function sameSchema(a: Schema, b: Schema): boolean {
  return JSON.stringify(a, withoutDocs) === JSON.stringify(b, withoutDocs);
}

const DOCS = new Set(["pointer", "title", "description", "deprecated", "default"]);

function withoutDocs(key: string, value: unknown): unknown {
  return DOCS.has(key) ? undefined : value;
}

/**
 * The tag of a oneOf/anyOf that zod can treat as a discriminated union: it has a discriminator,
 * and every variant pins the tag to literal values.
 */
export function discriminatorTag(ctx: EmitContext, union: Extract<Schema, { kind: "union" }>, view: View): string | undefined {
  const tag = union.discriminator?.propertyName;
  return tag !== undefined && union.variants.every((variant) => hasLiteralTag(ctx, variant, tag, view)) ? tag : undefined;
}

/** zod's discriminatedUnion needs every variant to pin the tag to literal values. */
function hasLiteralTag(ctx: EmitContext, variant: Schema, tag: string, view: View): boolean {
  const object = mergedObject(ctx, variant, view, 0);
  const property = object?.properties.find((p) => p.name === tag);
  if (!property?.required || !inView(property.schema, view)) return false;
  const value = ctx.resolve(property.schema);
  return value.kind === "enum" && !value.nullable && !property.schema.nullable;
}


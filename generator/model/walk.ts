import type { Schema } from "./model.js";

/** The direct sub-schemas of a schema. */
export function childSchemas(schema: Schema): readonly Schema[] {
  switch (schema.kind) {
    case "array":
      return schema.prefixItems ? [...schema.prefixItems, schema.items] : [schema.items];
    case "object":
      return [...schema.properties.map((p) => p.schema), ...(schema.additionalProperties ? [schema.additionalProperties] : [])];
    case "union":
      return schema.variants;
    case "allOf":
      return schema.parts;
    default:
      return [];
  }
}

/** Every `ref` target reachable from `schema` without passing through another named schema. */
export function directRefs(schema: Schema): string[] {
  const targets: string[] = [];
  const stack: Schema[] = [schema];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.kind === "ref") targets.push(next.target);
    else stack.push(...childSchemas(next));
  }
  return targets;
}

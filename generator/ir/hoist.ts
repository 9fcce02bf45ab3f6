import type { BuildContext, Json } from "./context.js";
import { isObject } from "./context.js";
import type { Schema } from "./model.js";
import { convertSchema } from "./schema.js";

/**
 * Request and response bodies get named types: a `$ref` keeps its target's name, an inline
 * object or composition is named after the operation (`GetPetByIdResponse`), and a primitive or
 * an array of named items stays inline, where a name would add nothing.
 */
export function namedOrInline(ctx: BuildContext, raw: Json, pointer: string, nameHint: string): Schema {
  if (isObject(raw) && typeof raw.$ref !== "string" && deservesName(raw)) {
    return { kind: "ref", target: ctx.nameSchema(pointer, nameHint, raw), pointer };
  }
  return convertSchema(ctx, raw, pointer);
}

function deservesName(raw: Readonly<Record<string, Json>>): boolean {
  if (raw.properties !== undefined || raw.additionalProperties !== undefined) return true;
  if (raw.allOf !== undefined || raw.oneOf !== undefined || raw.anyOf !== undefined) return true;
  if (raw.enum !== undefined && raw.enum !== null) return true;
  if (raw.type === "array" && isObject(raw.items)) return typeof raw.items.$ref !== "string" && deservesName(raw.items);
  return raw.type === "object";
}

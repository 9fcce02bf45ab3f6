import type { BuildContext, Json } from "./context.js";
import { isObject } from "./context.js";
import type { Schema } from "../model/model.js";
import { convertSchema } from "./schema.js";

/**
 * Request and response bodies always have a named type: a `$ref` keeps its target's name, and
 * anything inline is named after the operation (`GetPetByIdResponse`, `AddPetBody`), so users
 * can import every body type by a predictable name.
 */
export function bodySchema(ctx: BuildContext, raw: Json, pointer: string, nameHint: string): Schema {
  if (isObject(raw) && typeof raw.$ref !== "string" && Object.keys(raw).length > 0) {
    return { kind: "ref", target: ctx.nameSchema(pointer, nameHint, raw), pointer };
  }
  return convertSchema(ctx, raw, pointer);
}

/**
 * Parameter Objects: path-level and operation-level lists merged, styles and explode resolved to
 * their defaults, and each given its key in the operation's args object.
 * @see https://spec.openapis.org/oas/v3.1.0#parameter-object
 */
import { appendPointer } from "../errors.js";
import { type BuildContext, isObject, type Json, stringOf } from "./context.js";
import { mediaKind } from "./media.js";
import type { ParamLocation, Parameter, ParamStyle } from "./model.js";
import { convertSchema } from "./schema.js";

const LOCATIONS: readonly ParamLocation[] = ["path", "query", "header", "cookie"];
const STYLES = new Set<string>(["simple", "label", "matrix", "form", "spaceDelimited", "pipeDelimited", "deepObject"]);
const DEFAULT_STYLE: Readonly<Record<ParamLocation, ParamStyle>> = { path: "simple", query: "form", header: "simple", cookie: "form" };

interface Located {
  readonly raw: Json;
  readonly pointer: string;
}

export function convertParameters(
  ctx: BuildContext,
  pathLevel: readonly Located[],
  operationLevel: readonly Located[],
  hasBody: boolean,
): Parameter[] {
  const byId = new Map<string, Omit<Parameter, "key">>();
  for (const located of [...pathLevel, ...operationLevel]) {
    const parameter = convertParameter(ctx, located);
    if (parameter) byId.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  const parameters = [...byId.values()].sort((a, b) => LOCATIONS.indexOf(a.in) - LOCATIONS.indexOf(b.in));
  return assignKeys(parameters, hasBody);
}

function convertParameter(ctx: BuildContext, located: Located): Omit<Parameter, "key"> | undefined {
  const { value: raw, pointer } = ctx.deref(located.raw, located.pointer);
  if (!isObject(raw) || typeof raw.name !== "string" || !LOCATIONS.includes(raw.in as ParamLocation)) {
    ctx.warn("ignored", "a parameter needs a `name` and an `in` of path, query, header or cookie: ignored", pointer);
    return undefined;
  }
  const location = raw.in as ParamLocation;
  if (location === "header" && ["accept", "content-type", "authorization"].includes(raw.name.toLowerCase())) {
    ctx.warn("ignored", `header parameter ${raw.name} is set by the SDK itself: ignored`, pointer);
    return undefined;
  }
  const style = typeof raw.style === "string" && STYLES.has(raw.style) ? (raw.style as ParamStyle) : DEFAULT_STYLE[location];
  const { schema, json } = parameterSchema(ctx, raw, pointer);
  const description = stringOf(raw.description);
  return {
    name: raw.name,
    in: location,
    required: location === "path" || raw.required === true,
    style,
    explode: typeof raw.explode === "boolean" ? raw.explode : style === "form",
    allowReserved: raw.allowReserved === true,
    json,
    schema,
    deprecated: raw.deprecated === true,
    ...(description !== undefined && { description }),
  };
}

function parameterSchema(ctx: BuildContext, raw: Readonly<Record<string, Json>>, pointer: string) {
  if (isObject(raw.content)) {
    const [mediaType, media] = Object.entries(raw.content)[0] ?? [];
    if (mediaType !== undefined && isObject(media)) {
      const at = appendPointer(pointer, "content", mediaType, "schema");
      return { schema: convertSchema(ctx, media.schema ?? {}, at), json: mediaKind(mediaType) === "json" };
    }
  }
  if (raw.schema !== undefined) return { schema: convertSchema(ctx, raw.schema, appendPointer(pointer, "schema")), json: false };
  // Swagger 2 leftovers carry `type` on the parameter itself.
  return { schema: convertSchema(ctx, typeof raw.type === "string" ? raw : {}, pointer), json: false };
}

/**
 * A parameter's key is its name, unless another location (or the body) already uses it: then
 * it is prefixed with its location, e.g. `"query.id"` beside the path parameter `id`.
 */
function assignKeys(parameters: readonly Omit<Parameter, "key">[], hasBody: boolean): Parameter[] {
  const taken = new Set<string>(hasBody ? ["body"] : []);
  return parameters.map((parameter) => {
    const key = taken.has(parameter.name) ? `${parameter.in}.${parameter.name}` : parameter.name;
    taken.add(key);
    return { ...parameter, key };
  });
}

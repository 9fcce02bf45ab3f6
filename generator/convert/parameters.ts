/**
 * Parameter Objects: path-level and operation-level lists merged, styles and explode resolved to
 * their defaults, and each given its key in the operation's args object.
 * @see https://spec.openapis.org/oas/v3.1.0#parameter-object
 */
import { appendPointer } from "../errors.js";
import { type BuildContext, isObject, type Json, stringOf } from "./context.js";
import { mediaKind } from "./media.js";
import type { ParamLocation, Parameter, ParamStyle } from "../model/model.js";
import { convertSchema } from "./schema.js";

const LOCATIONS: readonly ParamLocation[] = ["path", "query", "querystring", "header", "cookie"];
const STYLES = new Set<string>(["simple", "label", "matrix", "form", "spaceDelimited", "pipeDelimited", "deepObject", "cookie"]);
const DEFAULT_STYLE: Readonly<Record<ParamLocation, ParamStyle>> = { path: "simple", query: "form", querystring: "form", header: "simple", cookie: "form" };

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
  return assignKeys(withOneQueryString(ctx, parameters), hasBody);
}

/**
 * A `querystring` parameter is the whole query: OpenAPI 3.2 allows one, and no `query` parameter
 * beside it. When the spec breaks that, the `query` parameters are kept (they say more precisely
 * what is sent) and the querystring one is dropped with a warning.
 */
function withOneQueryString(ctx: BuildContext, parameters: readonly Omit<Parameter, "key">[]): Omit<Parameter, "key">[] {
  const queryStrings = parameters.filter((p) => p.in === "querystring");
  if (queryStrings.length === 0) return [...parameters];
  const hasQuery = parameters.some((p) => p.in === "query");
  const [kept, ...extra] = hasQuery ? [] : queryStrings;
  for (const dropped of hasQuery ? queryStrings : extra) {
    const why = hasQuery ? "it cannot be sent beside `in: query` parameters, which are kept" : `only one is allowed, and ${kept?.name ?? ""} comes first`;
    ctx.warn("ignored", `querystring parameter ${dropped.name} is the whole query string: ${why} (OpenAPI 3.2); it is ignored`, dropped.pointer);
  }
  return parameters.filter((p) => p.in !== "querystring" || p === kept);
}

function convertParameter(ctx: BuildContext, located: Located): Omit<Parameter, "key"> | undefined {
  const { value: raw, pointer } = ctx.deref(located.raw, located.pointer);
  if (!isObject(raw) || typeof raw.name !== "string" || !LOCATIONS.includes(raw.in as ParamLocation)) {
    ctx.warn("ignored", "a parameter needs a `name` and an `in` of path, query, querystring, header or cookie: ignored", pointer);
    return undefined;
  }
  const location = raw.in as ParamLocation;
  if (location === "querystring") return convertQueryString(ctx, raw, pointer);
  if (location === "header" && ["accept", "content-type", "authorization"].includes(raw.name.toLowerCase())) {
    ctx.warn("ignored", `header parameter ${raw.name} is set by the SDK itself: ignored`, pointer);
    return undefined;
  }
  const style = typeof raw.style === "string" && STYLES.has(raw.style) ? (raw.style as ParamStyle) : DEFAULT_STYLE[location];
  const { schema, json } = parameterSchema(ctx, raw, pointer);
  const description = stringOf(raw.description);
  return {
    pointer,
    name: raw.name,
    in: location,
    required: location === "path" || raw.required === true,
    style,
    explode: typeof raw.explode === "boolean" ? raw.explode : style === "form" || style === "cookie",
    allowReserved: raw.allowReserved === true,
    json,
    schema,
    deprecated: raw.deprecated === true,
    ...(description !== undefined && { description }),
  };
}

/**
 * OpenAPI 3.2's `in: querystring`: one argument holding the whole query string, described by its
 * `content`. A form (`application/x-www-form-urlencoded`) is sent as `a=1&b=2`, JSON as its
 * percent-encoded text; the SDK knows no other way to write a query, so other media types are
 * dropped with a warning.
 */
function convertQueryString(ctx: BuildContext, raw: Readonly<Record<string, Json>>, pointer: string): Omit<Parameter, "key"> | undefined {
  const [mediaType, rawMedia] = isObject(raw.content) ? (Object.entries(raw.content)[0] ?? []) : [];
  const { value: media, pointer: mediaPointer } = ctx.deref(rawMedia, appendPointer(pointer, "content", mediaType ?? ""));
  const kind = mediaType === undefined ? undefined : mediaKind(mediaType);
  if (mediaType === undefined || (kind !== "form" && kind !== "json")) {
    const what = mediaType === undefined ? "no `content`" : `content ${mediaType}`;
    ctx.warn("ignored", `querystring parameter ${String(raw.name)} has ${what}: the SDK sends a query string as application/x-www-form-urlencoded or JSON only; it is ignored`, pointer);
    return undefined;
  }
  const at = appendPointer(mediaPointer, "schema");
  const description = stringOf(raw.description);
  return {
    pointer,
    name: String(raw.name),
    in: "querystring",
    required: raw.required === true,
    style: "form",
    explode: true,
    allowReserved: false,
    json: kind === "json",
    schema: convertSchema(ctx, isObject(media) ? (media.schema ?? {}) : {}, at),
    deprecated: raw.deprecated === true,
    ...(description !== undefined && { description }),
  };
}

function parameterSchema(ctx: BuildContext, raw: Readonly<Record<string, Json>>, pointer: string) {
  if (isObject(raw.content)) {
    const [mediaType, rawMedia] = Object.entries(raw.content)[0] ?? [];
    const { value: media, pointer: mediaPointer } = ctx.deref(rawMedia, appendPointer(pointer, "content", mediaType ?? ""));
    if (mediaType !== undefined && isObject(media)) {
      const at = appendPointer(mediaPointer, "schema");
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

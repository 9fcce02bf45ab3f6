/**
 * Request Body Objects: the preferred media type, its schema named for the operation, and the
 * per-part encoding of form and multipart bodies.
 * @see https://spec.openapis.org/oas/v3.1.0#request-body-object
 */
import { appendPointer } from "../errors.js";
import { type BuildContext, isObject, type Json, type JsonObject, stringOf } from "./context.js";
import { mediaKind, preferredMediaType } from "./media.js";
import type { HttpMethod, PartEncoding, RequestBody, Schema } from "../model/model.js";
import { bodySchema } from "./body-schema.js";
import { streamFormat } from "./responses.js";

export function convertRequestBody(ctx: BuildContext, rawBody: Json, at: string, typeName: string, method: HttpMethod): RequestBody | undefined {
  const { value: raw, pointer } = ctx.deref(rawBody, at);
  if (!isObject(raw) || !isObject(raw.content)) return undefined;
  if (method === "GET" || method === "HEAD") {
    if (!holdsNothing(ctx, raw.content, appendPointer(pointer, "content"))) {
      ctx.warn("ignored", `a ${method} request cannot carry a body (fetch refuses to send one): the request body is ignored`, at);
    }
    return undefined;
  }
  const mediaType = preferredMediaType(Object.keys(raw.content));
  if (mediaType === undefined) return undefined;
  // OpenAPI 3.2's Media Type Objects may be `$ref`s into `components/mediaTypes`.
  const { value: media, pointer: mediaPointer } = ctx.deref(raw.content[mediaType], appendPointer(pointer, "content", mediaType));
  for (const field of ["itemEncoding", "prefixEncoding"]) {
    if (isObject(media) && media[field] !== undefined) {
      ctx.warn("ignored", `${field} (OpenAPI 3.2 positional multipart encoding) is not applied: the SDK encodes a body's parts by property name (\`encoding\`)`, appendPointer(mediaPointer, field));
    }
  }
  const kind = mediaKind(mediaType);
  const stream = streamFormat(mediaType);
  if (stream !== undefined && stream !== "sse") return streamBody(ctx, raw, media, mediaPointer, mediaType, stream, typeName);
  const rawSchema = isObject(media) ? media.schema : undefined;
  // Binary bodies are sent as given (Blob, bytes, a stream): their schema names no type anyone uses.
  const schema: Schema =
    kind === "binary"
      ? { kind: "string", format: "binary", pointer: mediaPointer }
      : rawSchema === undefined
        ? { kind: "unknown", pointer: mediaPointer }
        : bodySchema(ctx, rawSchema, appendPointer(mediaPointer, "schema"), `${typeName} Body`);
  const description = stringOf(raw.description);
  return {
    mediaType,
    kind,
    required: raw.required === true,
    schema,
    encoding: readEncoding(ctx, isObject(media) ? media.encoding : undefined, appendPointer(mediaPointer, "encoding")),
    ...(description !== undefined && { description }),
  };
}

/** A body of JSON items, one after another: its `itemSchema`, or the `items` of an array `schema`, or the `schema` itself. */
function streamBody(ctx: BuildContext, raw: JsonObject, media: Json, pointer: string, mediaType: string, stream: "jsonl" | "json-seq", typeName: string): RequestBody {
  let item: { raw: Json; at: string } | undefined;
  if (isObject(media) && media.itemSchema !== undefined) item = { raw: media.itemSchema, at: appendPointer(pointer, "itemSchema") };
  else if (isObject(media) && media.schema !== undefined) {
    const { value, pointer: at } = ctx.deref(media.schema, appendPointer(pointer, "schema"));
    item = isObject(value) && value.type === "array" && value.items !== undefined ? { raw: value.items, at: appendPointer(at, "items") } : { raw: media.schema, at: appendPointer(pointer, "schema") };
  }
  const description = stringOf(raw.description);
  return {
    mediaType,
    kind: "text",
    stream,
    required: raw.required === true,
    schema: item === undefined ? { kind: "unknown", pointer } : bodySchema(ctx, item.raw, item.at, `${typeName} Body Item`),
    encoding: new Map(),
    ...(description !== undefined && { description }),
  };
}

/**
 * Whether every media type's schema admits only `{}`, as the empty form body Stripe declares on
 * each of its GET operations does: dropping such a body loses nothing, so it needs no warning.
 */
function holdsNothing(ctx: BuildContext, content: JsonObject, at: string): boolean {
  return Object.entries(content).every(([mediaType, media]) => {
    const { value: schema } = ctx.deref(isObject(media) ? media.schema : undefined, appendPointer(at, mediaType, "schema"));
    if (!isObject(schema)) return false;
    const { type = "object", properties = {}, additionalProperties, title: _title, description: _description, ...constraints } = schema;
    return type === "object" && isObject(properties) && Object.keys(properties).length === 0 && additionalProperties === false && Object.keys(constraints).length === 0;
  });
}

function readEncoding(ctx: BuildContext, raw: Json, at: string): ReadonlyMap<string, PartEncoding> {
  const encoding = new Map<string, PartEncoding>();
  if (!isObject(raw)) return encoding;
  for (const [property, value] of Object.entries(raw)) {
    if (!isObject(value)) continue;
    for (const field of ["encoding", "itemEncoding", "prefixEncoding"].filter((each) => value[each] !== undefined)) {
      ctx.warn("ignored", `${field} inside an Encoding Object (OpenAPI 3.2, for nested multipart parts) is not applied: part ${property} is sent as one part`, appendPointer(at, property, field));
    }
    const contentType = stringOf(value.contentType);
    const style = stringOf(value.style);
    encoding.set(property, {
      ...(contentType !== undefined && { contentType }),
      ...(style !== undefined && { style: style as NonNullable<PartEncoding["style"]> }),
      ...(typeof value.explode === "boolean" && { explode: value.explode }),
    });
  }
  return encoding;
}

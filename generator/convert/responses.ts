/**
 * Responses Object: one entry per status, its preferred media type and a named body schema.
 * @see https://spec.openapis.org/oas/v3.1.0#responses-object
 */
import { appendPointer } from "../errors.js";
import { type BuildContext, isObject, type Json, stringOf } from "./context.js";
import { bodySchema } from "./body-schema.js";
import { mediaKind, preferredMediaType } from "./media.js";
import type { Response, ResponseHeader, Schema, StreamFormat } from "../model/model.js";
import { convertSchema } from "./schema.js";

export function convertResponses(ctx: BuildContext, raw: Json, at: string, typeName: string): Response[] {
  if (!isObject(raw)) return [];
  const statuses = Object.keys(raw).filter((status) => /^([1-5](\d\d|XX)|default)$/i.test(status));
  const successes = statuses.filter(isSuccess);
  return statuses.map((status) => {
    const hint = isSuccess(status)
      ? successes.length > 1
        ? `${typeName} Response ${status}`
        : `${typeName} Response`
      : `${typeName} Error ${status === "default" ? "Default" : status}`;
    return convertResponse(ctx, raw[status], appendPointer(at, status), status.toUpperCase().replace("DEFAULT", "default"), hint);
  });
}

export function isSuccess(status: string): boolean {
  return /^2/.test(status);
}

function convertResponse(ctx: BuildContext, rawResponse: Json, at: string, status: string, nameHint: string): Response {
  const { value: raw, pointer } = ctx.deref(rawResponse, at);
  // OpenAPI 3.2 makes `description` optional beside a new short `summary`.
  const description = stringOf(isObject(raw) ? raw.description : undefined) ?? stringOf(isObject(raw) ? raw.summary : undefined);
  const headers = isObject(raw) ? convertHeaders(ctx, raw.headers, appendPointer(pointer, "headers")) : [];
  const base = { status, headers, ...(description !== undefined && { description }) };
  if (!isObject(raw) || !isObject(raw.content)) return base;
  const mediaType = preferredMediaType(Object.keys(raw.content));
  if (mediaType === undefined) return base;
  // OpenAPI 3.2's Media Type Objects may be `$ref`s into `components/mediaTypes`.
  const { value: media, pointer: mediaPointer } = ctx.deref(raw.content[mediaType], appendPointer(pointer, "content", mediaType));
  const format = streamFormat(mediaType);
  if (format !== undefined) return { ...base, content: streamContent(ctx, media, mediaPointer, mediaType, format, nameHint) };
  const rawSchema = isObject(media) ? media.schema : undefined;
  let kind = mediaKind(mediaType);
  if (kind === "json" && mediaType === "*/*" && (rawSchema === undefined || isBinaryString(rawSchema))) kind = "binary";
  if (kind === "multipart" || kind === "form") kind = "binary";
  const schema: Schema =
    kind === "json" && rawSchema !== undefined
      ? bodySchema(ctx, rawSchema, appendPointer(mediaPointer, "schema"), nameHint)
      : { kind: kind === "text" ? "string" : "unknown", pointer: mediaPointer };
  return { ...base, content: { mediaType, kind, schema } };
}

/** The media types whose bodies are sequences of items (OpenAPI 3.2's sequential media types). */
const STREAM_FORMATS: Readonly<Record<string, StreamFormat>> = {
  "text/event-stream": "sse",
  "application/jsonl": "jsonl",
  "application/x-ndjson": "jsonl",
  "application/x-jsonlines": "jsonl",
  "application/json-seq": "json-seq",
};

export function streamFormat(mediaType: string): StreamFormat | undefined {
  const essence = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  return Object.hasOwn(STREAM_FORMATS, essence) ? STREAM_FORMATS[essence] : undefined;
}

/**
 * A streaming response's items. OpenAPI 3.2 gives their schema as `itemSchema`. Earlier documents
 * (FastAPI's, OpenAI-like ones) describe one event's data with `schema`, which is taken as the
 * item schema too, unless it is an array (3.2's reading of `schema` for a sequence: the whole
 * stream as an array), whose `items` are. A plain string schema means text items; none, unknown ones.
 */
function streamContent(ctx: BuildContext, media: Json, pointer: string, mediaType: string, format: StreamFormat, nameHint: string): NonNullable<Response["content"]> {
  let raw: Json | undefined;
  let at = pointer;
  let reason = "no itemSchema nor schema: items are untyped JSON";
  let events = false;
  if (isObject(media) && media.itemSchema !== undefined) {
    [raw, at] = [media.itemSchema, appendPointer(pointer, "itemSchema")];
    reason = "items follow its itemSchema (OpenAPI 3.2)";
    const data = format === "sse" ? eventData(ctx, media.itemSchema, at) : undefined;
    if (data !== undefined) {
      [raw, at, events] = [data.raw, data.at, data.events === true];
      reason = `its itemSchema describes each event (OpenAPI 3.2): ${data.reason}`;
    }
  } else if (isObject(media) && media.schema !== undefined) {
    const { value, pointer: schemaPointer } = ctx.deref(media.schema, appendPointer(pointer, "schema"));
    const array = isObject(value) && value.type === "array" && value.items !== undefined;
    [raw, at] = array ? [value.items, appendPointer(schemaPointer, "items")] : [media.schema, appendPointer(pointer, "schema")];
    reason = array ? "its schema is an array (the whole stream): items follow its items" : "no itemSchema: its schema is read as one item's (3.0/3.1 style)";
  }
  const text = raw !== undefined && isPlainString(ctx, raw, at);
  if (text) reason += "; a plain string, so items are the text as sent";
  const schema: Schema = raw === undefined || text ? { kind: raw === undefined ? "unknown" : "string", pointer: at } : bodySchema(ctx, raw, at, `${nameHint} Item`);
  return { mediaType, kind: "text", schema, stream: { format, text, events, reason } };
}

const EVENT_FIELDS = new Set(["event", "data", "id", "retry"]);

/**
 * The schema of an event's data, when an SSE `itemSchema` describes whole events as OpenAPI 3.2
 * does (an object of `event`, `data`, `id`, `retry`), with the data's JSON in `contentSchema` as
 * FastAPI writes it. Undefined for any other schema, which is then read as the data's own.
 */
function eventData(ctx: BuildContext, raw: Json, at: string): { raw: Json; at: string; reason: string; events?: true } | undefined {
  const { value, pointer } = ctx.deref(raw, at);
  const named = namedEvents(ctx, value, pointer);
  if (named !== undefined) {
    // Each event name with its data's schema: a union TypeScript narrows by `event`.
    const variants = named.map(({ name, data }) => ({ type: "object", required: ["event", "data"], properties: { event: { type: "string", const: name }, data } }));
    return { raw: { oneOf: variants, discriminator: { propertyName: "event" } }, at: pointer, reason: "a union of events by name: items are { event, data }, the data per its event's contentSchema", events: true };
  }
  const fields = eventFields(ctx, value, pointer);
  if (fields === undefined) return undefined;
  const data = fields.data;
  if (data.json) return { raw: data.raw, at: data.at, reason: isObject(data.raw) && Object.keys(data.raw).length === 0 ? "its data is JSON of no given schema" : "items follow its data's contentSchema" };
  return { raw: data.raw, at: data.at, reason: "items are its data" };
}

/** An event-shaped schema's data: its `contentSchema` for JSON data (`{}` when none is given), else the `data` schema itself. */
function eventFields(ctx: BuildContext, value: Json, pointer: string): { event: Json; data: { raw: Json; at: string; json: boolean } } | undefined {
  if (!isObject(value) || !isObject(value.properties) || value.properties.data === undefined) return undefined;
  if (!Object.keys(value.properties).every((key) => EVENT_FIELDS.has(key))) return undefined;
  const { value: data, pointer: at } = ctx.deref(value.properties.data, appendPointer(pointer, "properties", "data"));
  const event = value.properties.event === undefined ? undefined : ctx.deref(value.properties.event, appendPointer(pointer, "properties", "event")).value;
  if (isObject(data) && data.contentSchema !== undefined) return { event, data: { raw: data.contentSchema, at: appendPointer(at, "contentSchema"), json: true } };
  if (isObject(data) && typeof data.contentMediaType === "string" && /json/i.test(data.contentMediaType)) return { event, data: { raw: {}, at, json: true } };
  return { event, data: { raw: value.properties.data, at, json: false } };
}

/** The events of a `oneOf`/`anyOf` of event shapes, each with one `event` name (`const`, or a one-value `enum`). */
function namedEvents(ctx: BuildContext, value: Json, pointer: string): { name: string; data: Json }[] | undefined {
  if (!isObject(value)) return undefined;
  const keyword = Array.isArray(value.oneOf) ? "oneOf" : Array.isArray(value.anyOf) ? "anyOf" : undefined;
  const list = keyword === undefined ? undefined : (value[keyword] as Json[]);
  if (keyword === undefined || list === undefined || list.length === 0) return undefined;
  const named: { name: string; data: Json }[] = [];
  for (const [index, variant] of list.entries()) {
    const { value: shape, pointer: at } = ctx.deref(variant, appendPointer(pointer, keyword, index));
    const fields = eventFields(ctx, shape, at);
    const event = fields?.event;
    const name = isObject(event) ? (typeof event.const === "string" ? event.const : Array.isArray(event.enum) && event.enum.length === 1 && typeof event.enum[0] === "string" ? event.enum[0] : undefined) : undefined;
    if (fields === undefined || name === undefined) return undefined;
    named.push({ name, data: fields.data.raw });
  }
  return named;
}

function isPlainString(ctx: BuildContext, raw: Json, at: string): boolean {
  const { value } = ctx.deref(raw, at);
  return isObject(value) && value.type === "string" && value.format === undefined && value.enum === undefined && value.contentMediaType === undefined;
}

function isBinaryString(raw: Json): boolean {
  return isObject(raw) && raw.type === "string" && raw.format === "binary";
}

function convertHeaders(ctx: BuildContext, raw: Json, at: string): ResponseHeader[] {
  if (!isObject(raw)) return [];
  return Object.entries(raw).flatMap(([name, rawHeader]) => {
    const { value, pointer } = ctx.deref(rawHeader, appendPointer(at, name));
    if (!isObject(value) || name.toLowerCase() === "content-type") return [];
    const description = stringOf(value.description);
    return [
      {
        name,
        required: value.required === true,
        schema: convertSchema(ctx, value.schema ?? {}, appendPointer(pointer, "schema")),
        ...(description !== undefined && { description }),
      },
    ];
  });
}

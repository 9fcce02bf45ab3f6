/**
 * Responses Object: one entry per status, its preferred media type and a named body schema.
 * @see https://spec.openapis.org/oas/v3.1.0#responses-object
 */
import { appendPointer } from "../errors.js";
import { type BuildContext, isObject, type Json, stringOf } from "./context.js";
import { bodySchema } from "./body-schema.js";
import { mediaKind, preferredMediaType } from "./media.js";
import type { Response, ResponseHeader, Schema } from "./model.js";
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
  const description = stringOf(isObject(raw) ? raw.description : undefined);
  const headers = isObject(raw) ? convertHeaders(ctx, raw.headers, appendPointer(pointer, "headers")) : [];
  const base = { status, headers, ...(description !== undefined && { description }) };
  if (!isObject(raw) || !isObject(raw.content)) return base;
  const mediaType = preferredMediaType(Object.keys(raw.content));
  if (mediaType === undefined) return base;
  const media = raw.content[mediaType];
  const mediaPointer = appendPointer(pointer, "content", mediaType);
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

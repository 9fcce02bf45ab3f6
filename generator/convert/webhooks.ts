/**
 * Webhooks (OpenAPI 3.1 `webhooks`, `x-webhooks` in older documents) and operation `callbacks`:
 * the requests an API sends to its users. Each becomes a named, JSON payload schema, received the
 * way a response is, and the signature scheme comes from the document's `x-webhook-signature`.
 * @see https://spec.openapis.org/oas/v3.1.0#oas-webhooks
 */
import { appendPointer } from "../errors.js";
import { bodySchema } from "./body-schema.js";
import { type BuildContext, isObject, type Json, stringOf } from "./context.js";
import { mediaKind, preferredMediaType } from "./media.js";
import type { Operation, Property, Schema, Webhook, WebhookHeaders, WebhookSignature } from "../model/model.js";
import { httpMethod, type PathItemMethod } from "../model/route.js";
import { convertSchema } from "./schema.js";

const METHODS: readonly PathItemMethod[] = ["post", "put", "patch", "get", "delete", "options", "head", "trace"];

/** Whether the document declares any webhook or callback (before any is converted, so names can make room). */
export function hasWebhooks(doc: Readonly<Record<string, Json>>): boolean {
  const nonEmpty = (value: Json) => isObject(value) && Object.keys(value).length > 0;
  if (nonEmpty(doc.webhooks) || nonEmpty(doc["x-webhooks"])) return true;
  if (!isObject(doc.paths)) return false;
  return Object.values(doc.paths).some((item) => isObject(item) && METHODS.some((method) => { const operation = item[method]; return isObject(operation) && nonEmpty(operation.callbacks); }));
}

export function convertWebhooks(ctx: BuildContext, operations: readonly Operation[]): Webhook[] {
  const doc = ctx.spec.document;
  const sources: { name: string; item: Json; pointer: string }[] = [];
  for (const key of ["webhooks", "x-webhooks"] as const) {
    const map = doc[key];
    if (isObject(map)) for (const [name, item] of Object.entries(map)) sources.push({ name, item, pointer: appendPointer("#", key, name) });
  }
  sources.push(...callbackSources(ctx, new Map(operations.map((operation) => [operation.pointer, operation.name]))));
  const taken = new Set<string>();
  return sources.flatMap(({ name, item, pointer }) => {
    const unique = uniqueName(name, taken);
    const webhook = convertWebhook(ctx, unique, item, pointer);
    return webhook ? [webhook] : [];
  });
}

/**
 * `callbacks` of every operation, named `<client method>.<callback name>` (the expression is the URL
 * the user registered): `subscribe.statusChanged`.
 */
function callbackSources(ctx: BuildContext, methods: ReadonlyMap<string, string>): { name: string; item: Json; pointer: string }[] {
  const paths = ctx.spec.document.paths;
  if (!isObject(paths)) return [];
  const sources: { name: string; item: Json; pointer: string }[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const { value: pathItem, pointer: itemPointer } = ctx.deref(rawItem, appendPointer("#", "paths", path));
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation) || !isObject(operation.callbacks)) continue;
      const owner = methods.get(appendPointer(itemPointer, method)) ?? `${method} ${path}`;
      for (const [callbackName, rawCallback] of Object.entries(operation.callbacks)) {
        const { value: callback, pointer } = ctx.deref(rawCallback, appendPointer(itemPointer, method, "callbacks", callbackName));
        if (!isObject(callback)) continue;
        for (const [expression, item] of Object.entries(callback)) {
          sources.push({ name: `${owner}.${callbackName}`, item, pointer: appendPointer(pointer, expression) });
        }
      }
    }
  }
  return sources;
}

function uniqueName(name: string, taken: Set<string>): string {
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`;
  taken.add(unique);
  return unique;
}

/** A webhook's Path Item: the first method that carries a body (a sender's webhook is one request). */
function convertWebhook(ctx: BuildContext, name: string, rawItem: Json, at: string): Webhook | undefined {
  const { value: item, pointer: itemPointer } = ctx.deref(rawItem, at);
  if (!isObject(item)) return undefined;
  const method = METHODS.find((each) => isObject(item[each]));
  if (method === undefined) {
    const other = ["query", "additionalOperations", "x-oai-additionalOperations"].find((field) => isObject(item[field]));
    if (other !== undefined) ctx.warn("ignored", `webhook ${name} is described by its ${other} only: webhooks are read from the fixed methods (post, put, …); it is ignored`, appendPointer(itemPointer, other));
    return undefined;
  }
  const operation = item[method] as Readonly<Record<string, Json>>;
  const pointer = appendPointer(itemPointer, method);
  const summary = stringOf(operation.summary);
  const description = stringOf(operation.description);
  const headers = declaredHeaders(ctx, name, [...located(item.parameters, appendPointer(itemPointer, "parameters")), ...located(operation.parameters, appendPointer(pointer, "parameters"))], appendPointer(pointer, "parameters"));
  return {
    pointer,
    name,
    method: httpMethod(method),
    deprecated: operation.deprecated === true,
    payload: payloadSchema(ctx, operation.requestBody, appendPointer(pointer, "requestBody"), name),
    ...(headers !== undefined && { headers }),
    ...(summary !== undefined && { summary }),
    ...(description !== undefined && { description }),
  };
}

function located(list: Json, at: string): { raw: Json; pointer: string }[] {
  return Array.isArray(list) ? list.map((raw: Json, index) => ({ raw, pointer: appendPointer(at, String(index)) })) : [];
}

/**
 * The webhook's `in: header` parameters (path-item level, then operation level, which wins) as one
 * object schema named `<webhook> Headers`, keyed by lower-case header name as node:http and fetch
 * spell them. Kept in the name map under the operation's `parameters` pointer.
 */
function declaredHeaders(ctx: BuildContext, name: string, parameters: readonly { raw: Json; pointer: string }[], at: string): WebhookHeaders | undefined {
  const byKey = new Map<string, { name: string; required: boolean; schema: Schema }>();
  for (const parameter of parameters) {
    const { value: raw, pointer } = ctx.deref(parameter.raw, parameter.pointer);
    if (!isObject(raw) || raw.in !== "header" || typeof raw.name !== "string") continue;
    const description = stringOf(raw.description);
    const source = headerSchemaOf(raw, pointer);
    const schema = convertSchema(ctx, source.raw, source.pointer);
    byKey.set(raw.name.toLowerCase(), { name: raw.name, required: raw.required === true, schema: description === undefined ? schema : { ...schema, description } });
  }
  if (byKey.size === 0) return undefined;
  const properties: Property[] = [...byKey].map(([key, header]) => ({ name: key, required: header.required, schema: header.schema }));
  const target = ctx.nameComposed(at, `${name} Headers`, { kind: "object", properties, additionalProperties: undefined, pointer: at });
  return { schema: { kind: "ref", target, pointer: at }, declared: [...byKey.values()].map((header) => ({ name: header.name, required: header.required })) };
}

/** A header parameter's schema: `schema`, or the one of its `content`. */
function headerSchemaOf(raw: Readonly<Record<string, Json>>, pointer: string): { raw: Json; pointer: string } {
  if (raw.schema !== undefined) return { raw: raw.schema, pointer: appendPointer(pointer, "schema") };
  const [mediaType, media] = isObject(raw.content) ? (Object.entries(raw.content)[0] ?? []) : [];
  if (mediaType !== undefined && isObject(media)) return { raw: media.schema ?? {}, pointer: appendPointer(pointer, "content", mediaType, "schema") };
  return { raw: {}, pointer };
}

/** The payload's JSON schema, always named (`<name> Payload` when inline); `unknown` for none or a non-JSON body. */
function payloadSchema(ctx: BuildContext, rawBody: Json, at: string, name: string): Schema {
  const { value: body, pointer } = ctx.deref(rawBody, at);
  if (!isObject(body) || !isObject(body.content)) return { kind: "unknown", pointer };
  const mediaType = preferredMediaType(Object.keys(body.content));
  // OpenAPI 3.2's Media Type Objects may be `$ref`s into `components/mediaTypes`.
  const { value: media, pointer: mediaPointer } = mediaType === undefined ? { value: undefined, pointer } : ctx.deref(body.content[mediaType], appendPointer(pointer, "content", mediaType));
  if (mediaType === undefined || mediaKind(mediaType) !== "json" || !isObject(media) || media.schema === undefined) {
    if (mediaType !== undefined && mediaKind(mediaType) !== "json") ctx.warn("unsupported-media-type", `webhook ${name}: only JSON payloads are parsed; this one is typed unknown`, mediaPointer);
    return { kind: "unknown", pointer: mediaPointer };
  }
  return bodySchema(ctx, media.schema, appendPointer(mediaPointer, "schema"), `${name} Payload`);
}

const SCHEMES = ["standard", "github", "stripe", "hmac"] as const;

/**
 * The document's `x-webhook-signature`: `{ scheme: standard | github | stripe }`, or
 * `{ scheme: hmac, header, encoding?: hex | base64, prefix? }`. Absent: Standard Webhooks.
 */
export function convertWebhookSignature(ctx: BuildContext): WebhookSignature | undefined {
  const raw = ctx.spec.document["x-webhook-signature"];
  if (raw === undefined) return undefined;
  const at = "#/x-webhook-signature";
  if (!isObject(raw)) ctx.fail("x-webhook-signature must be an object such as { scheme: github }", at);
  const scheme = SCHEMES.find((each) => each === raw.scheme);
  if (scheme === undefined) ctx.fail(`x-webhook-signature.scheme must be one of ${SCHEMES.join(", ")}`, appendPointer(at, "scheme"));
  if (scheme !== "hmac") return { scheme };
  const header = stringOf(raw.header);
  if (header === undefined || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header)) ctx.fail("x-webhook-signature.header must name an HTTP header", appendPointer(at, "header"));
  const encoding = raw.encoding ?? "hex";
  if (encoding !== "hex" && encoding !== "base64") ctx.fail("x-webhook-signature.encoding must be hex or base64", appendPointer(at, "encoding"));
  const prefix = raw.prefix ?? "";
  if (typeof prefix !== "string") ctx.fail("x-webhook-signature.prefix must be a string", appendPointer(at, "prefix"));
  return { scheme, header, encoding, ...(prefix !== "" && { prefix }) };
}

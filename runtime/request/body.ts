import { isConcrete } from "../media-type.js";
import type { BodySpec } from "../operation.js";
import type { EncodedBody } from "./encoded-body.js";
import { formBody } from "./form-body.js";
import { multipartBody } from "./multipart-body.js";
import { scalarText } from "./values.js";

/** Encodes `args.body` per the operation's body kind; `undefined` sends no body. */
export function encodeBody(spec: BodySpec, value: unknown): EncodedBody | undefined {
  if (value === undefined) return undefined;
  switch (spec.kind) {
    case "json":
      return { body: JSON.stringify(value), contentType: isConcrete(spec.mediaType) ? spec.mediaType : "application/json", streaming: false };
    case "text":
      return { body: scalarText(value), contentType: isConcrete(spec.mediaType) ? spec.mediaType : "text/plain", streaming: false };
    case "form":
      return { body: formBody(spec, value), contentType: undefined, streaming: false };
    case "multipart":
      return multipartBody(spec, value);
    case "binary":
      return binaryBody(spec, value);
    case "stream":
      return itemsBody(spec, value);
  }
}

/**
 * JSON items, one after another: an array is sent as one text (and so may be retried); any other
 * (async) iterable as a stream, each item encoded when the upload reaches it.
 */
function itemsBody(spec: BodySpec, value: unknown): EncodedBody {
  const frame = spec.format === "json-seq" ? (item: unknown) => `\x1e${JSON.stringify(item)}\n` : (item: unknown) => `${JSON.stringify(item)}\n`;
  const contentType = isConcrete(spec.mediaType) ? spec.mediaType : "application/jsonl";
  if (Array.isArray(value)) return { body: value.map(frame).join(""), contentType, streaming: false };
  const iterator = iteratorOf(value);
  if (iterator === undefined) throw new TypeError(`a ${spec.mediaType} body must be an array, an iterable or an async iterable of items`);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done === true) controller.close();
      else controller.enqueue(encoder.encode(frame(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return { body, contentType, streaming: true };
}

function iteratorOf(value: unknown): Iterator<unknown> | AsyncIterator<unknown> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (Symbol.asyncIterator in value && typeof value[Symbol.asyncIterator] === "function") return (value as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  if (Symbol.iterator in value && typeof value[Symbol.iterator] === "function") return (value as Iterable<unknown>)[Symbol.iterator]();
  return undefined;
}

/** Binary content goes through untouched; a Blob's own type fills in for a media range like `image/*`. */
function binaryBody(spec: BodySpec, value: unknown): EncodedBody {
  const fallbackType = value instanceof Blob && value.type !== "" ? value.type : "application/octet-stream";
  const contentType = isConcrete(spec.mediaType) ? spec.mediaType : fallbackType;
  if (value instanceof ReadableStream) return { body: value, contentType, streaming: true };
  if (value instanceof Blob || value instanceof ArrayBuffer || typeof value === "string") return { body: value, contentType, streaming: false };
  if (ArrayBuffer.isView(value)) {
    // fetch accepts any view; the DOM typings only admit views over an ArrayBuffer.
    return { body: value as ArrayBufferView<ArrayBuffer>, contentType, streaming: false };
  }
  throw new TypeError(`a ${spec.mediaType} body must be a Blob, ArrayBuffer, typed array, ReadableStream or string`);
}

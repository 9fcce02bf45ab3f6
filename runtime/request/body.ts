import { isConcrete } from "../media-type.js";
import type { BodySpec } from "../operation.js";
import type { RuntimeFeatures } from "../api-spec.js";
import type { EncodedBody } from "./encoded-body.js";
import { scalarText } from "./values.js";

/** Encodes `args.body` per the operation's body kind; `undefined` sends no body. */
export function encodeBody(spec: BodySpec, value: unknown, features: RuntimeFeatures): EncodedBody | undefined {
  if (value === undefined) return undefined;
  switch (spec.kind) {
    case "json":
      return { body: JSON.stringify(value), contentType: isConcrete(spec.mediaType) ? spec.mediaType : "application/json", streaming: false };
    case "text":
      return { body: scalarText(value), contentType: isConcrete(spec.mediaType) ? spec.mediaType : "text/plain", streaming: false };
    case "form":
      return { body: feature(features.formBody, "form")(spec, value), contentType: undefined, streaming: false };
    case "multipart":
      return feature(features.multipartBody, "multipart")(spec, value);
    case "binary":
      return binaryBody(spec, value);
    case "stream":
      return feature(features.itemsBody, "streamed")(spec, value);
  }
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

/** A body encoder the generator passes in for specs that have such bodies (or form-encoded query strings; see `RuntimeFeatures`). */
export function feature<F>(encoder: F | undefined, kind: string): F {
  if (encoder === undefined) throw new TypeError(`internal: a ${kind} body, in an SDK generated without ${kind} bodies`);
  return encoder;
}

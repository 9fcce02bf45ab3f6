import { isJsonMediaType } from "../media-type.js";
import type { BodySpec, PartEncoding } from "../operation.js";
import type { EncodedBody } from "./encoded-body.js";
import { multipartStream, type MultipartPart } from "./multipart-stream.js";
import { definedEntries, isPlainObject, scalarText } from "./values.js";

/**
 * A `multipart/form-data` body. Each property becomes a part:
 * - a `Blob` or `File` is a file part (a `File` keeps its name; its type defaults to the
 *   encoding's `contentType`); `ArrayBuffer`s and typed arrays become such blobs too;
 * - a `ReadableStream` is a file part read as it is sent (the body is then a stream, which is
 *   neither retried nor replayed);
 * - an array repeats the part once per item, unless its encoding asks for JSON;
 * - an object (or an array of them) is a JSON part, `application/json` unless the encoding says
 *   otherwise;
 * - anything else is a text field, or a part of the encoding's content type when it has one.
 *
 * Without streams the body is FormData, and fetch sets the Content-Type with its boundary.
 */
export function multipartBody(spec: BodySpec, value: unknown): EncodedBody {
  if (value instanceof FormData) return { body: value, contentType: undefined, streaming: false };
  if (!isPlainObject(value)) throw new TypeError(`a ${spec.mediaType} body must be an object`);
  const parts: MultipartPart[] = [];
  for (const [name, field] of definedEntries(value)) {
    const encoding = spec.encoding?.[name];
    const asJson = encoding?.contentType !== undefined && isJsonMediaType(encoding.contentType);
    if (Array.isArray(field) && !asJson) {
      for (const item of field) if (item !== undefined) parts.push(part(name, item, encoding));
    } else {
      parts.push(part(name, field, encoding));
    }
  }
  if (parts.some((each) => each.value instanceof ReadableStream)) return { ...multipartStream(parts), streaming: true };
  const form = new FormData();
  for (const { name, value: partValue } of parts) form.append(name, partValue as string | Blob);
  return { body: form, contentType: undefined, streaming: false };
}

function part(name: string, value: unknown, encoding: PartEncoding | undefined): MultipartPart {
  const contentType = encoding?.contentType;
  if (value instanceof ReadableStream) return { name, value: value as ReadableStream<Uint8Array>, type: contentType ?? "application/octet-stream" };
  if (value instanceof Blob) {
    if (value.type !== "" || contentType === undefined) return { name, value };
    return { name, value: value instanceof File ? new File([value], value.name, { type: contentType }) : new Blob([value], { type: contentType }) };
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    return { name, value: new Blob([bytesOf(value)], { type: contentType ?? "application/octet-stream" }) };
  }
  if (isPlainObject(value) || Array.isArray(value)) {
    const type = contentType !== undefined && !contentType.includes("*") ? contentType : "application/json";
    return { name, value: new Blob([JSON.stringify(value)], { type }) };
  }
  const text = scalarText(value);
  if (contentType === undefined || contentType.startsWith("text/plain")) return { name, value: text };
  return { name, value: new Blob([text], { type: contentType }) };
}

/** Views over shared memory cannot go into a Blob as they are; this copies only in that case. */
function bytesOf(value: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  const view = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return view.buffer instanceof ArrayBuffer ? (view as Uint8Array<ArrayBuffer>) : new Uint8Array(view);
}

import { isJsonMediaType } from "../media-type.js";
import type { BodySpec, PartEncoding } from "../operation.js";
import { definedEntries, isPlainObject, scalarText } from "./values.js";

/**
 * A `multipart/form-data` body. Each property becomes a part:
 * - a `Blob` or `File` is a file part (a `File` keeps its name; its type defaults to the
 *   encoding's `contentType`); `ArrayBuffer`s and typed arrays become such blobs too;
 * - an array repeats the part once per item, unless its encoding asks for JSON;
 * - an object (or an array of them) is a JSON part, `application/json` unless the encoding says
 *   otherwise;
 * - anything else is a text field, or a part of the encoding's content type when it has one.
 *
 * The Content-Type header (with its boundary) is left to fetch.
 */
export function multipartBody(spec: BodySpec, value: unknown): FormData {
  if (value instanceof FormData) return value;
  if (!isPlainObject(value)) throw new TypeError(`A ${spec.mediaType} body must be an object`);
  const form = new FormData();
  for (const [name, field] of definedEntries(value)) {
    const encoding = spec.encoding?.[name];
    const asJson = encoding?.contentType !== undefined && isJsonMediaType(encoding.contentType);
    if (Array.isArray(field) && !asJson) {
      for (const item of field) if (item !== undefined) appendPart(form, name, item, encoding);
    } else {
      appendPart(form, name, field, encoding);
    }
  }
  return form;
}

function appendPart(form: FormData, name: string, value: unknown, encoding: PartEncoding | undefined): void {
  const contentType = encoding?.contentType;
  if (value instanceof Blob) {
    if (value.type !== "" || contentType === undefined) form.append(name, value);
    else if (value instanceof File) form.append(name, new File([value], value.name, { type: contentType }));
    else form.append(name, new Blob([value], { type: contentType }));
    return;
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    form.append(name, new Blob([bytesOf(value)], { type: contentType ?? "application/octet-stream" }));
    return;
  }
  if (isPlainObject(value) || Array.isArray(value)) {
    const type = contentType !== undefined && !contentType.includes("*") ? contentType : "application/json";
    form.append(name, new Blob([JSON.stringify(value)], { type }));
    return;
  }
  const text = scalarText(value);
  if (contentType === undefined || contentType.startsWith("text/plain")) form.append(name, text);
  else form.append(name, new Blob([text], { type: contentType }));
}

/** Views over shared memory cannot go into a Blob as they are; this copies only in that case. */
function bytesOf(value: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  const view = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return view.buffer instanceof ArrayBuffer ? (view as Uint8Array<ArrayBuffer>) : new Uint8Array(view);
}

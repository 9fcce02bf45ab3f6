import { isJsonMediaType } from "../media-type.js";
import type { BodySpec } from "../operation.js";
import { verbatim } from "./encode.js";
import { formPairs } from "./style.js";
import { definedEntries, isPlainObject } from "./values.js";

/**
 * An `application/x-www-form-urlencoded` body. Properties follow their `encoding` entry, else
 * OpenAPI's default for forms (`form`, exploded: arrays repeat the name, `tags=a&tags=b`) except
 * that objects use `deepObject` (`address[city]=Oslo`), which keeps the property's name.
 * A property whose encoding has a JSON content type is sent as JSON text.
 */
export function formBody(spec: BodySpec, value: unknown): URLSearchParams | string {
  if (value instanceof URLSearchParams || typeof value === "string") return value;
  if (!isPlainObject(value)) throw new TypeError(`a ${spec.mediaType} body must be an object`);
  const form = new URLSearchParams();
  for (const [name, field] of definedEntries(value)) {
    const encoding = spec.encoding?.[name];
    if (encoding?.contentType !== undefined && isJsonMediaType(encoding.contentType)) {
      form.append(name, JSON.stringify(field));
      continue;
    }
    const style = encoding?.style ?? (isPlainObject(field) ? "deepObject" : "form");
    const explode = encoding?.explode ?? (style === "form" || style === "deepObject");
    for (const [key, text] of formPairs(name, field, style, explode, verbatim)) form.append(key, text);
  }
  return form;
}

import { isJsonMediaType } from "../media-type.js";
import type { ResponseKind } from "../operation.js";

/** A buffered body: the bytes and the response's Content-Type. */
export interface BufferedBody {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

const utf8 = new TextDecoder();

/** Decodes text per the Content-Type's charset (UTF-8 when absent or unknown). */
export function bodyText({ bytes, contentType }: BufferedBody): string {
  const charset = /;\s*charset\s*=\s*"?([^";,\s]+)/i.exec(contentType)?.[1];
  if (charset === undefined) return utf8.decode(bytes);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return utf8.decode(bytes);
  }
}

export type JsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly text: string; readonly reason: string };

/** Parses a JSON body; an empty body is `undefined`, not an error. */
export function parseJsonBody(body: BufferedBody): JsonResult {
  const text = bodyText(body);
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error) {
    // Checked only here: a body that parses is not blank, and trimming a large one costs a copy.
    if (text.trim() === "") return { ok: true, value: undefined };
    return { ok: false, text, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * An error response's body per its declared kind: parsed JSON (the text when it does not parse),
 * text, a Blob for binary content, `undefined` when empty. Without a declared kind, the
 * Content-Type decides between JSON and text.
 */
export function errorBody(body: BufferedBody, kind: ResponseKind | undefined): unknown {
  if (body.bytes.byteLength === 0 || kind === "empty") return undefined;
  if (kind === "binary") return new Blob([body.bytes], { type: body.contentType });
  if (kind === "json" || (kind === undefined && isJsonMediaType(body.contentType))) {
    const json = parseJsonBody(body);
    return json.ok ? json.value : json.text;
  }
  return bodyText(body);
}

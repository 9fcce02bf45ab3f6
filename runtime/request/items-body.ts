import { isConcrete } from "../media-type.js";
import type { BodySpec } from "../operation.js";
import type { EncodedBody } from "./encoded-body.js";

/**
 * JSON items, one after another: an array is sent as one text (and so may be retried); any other
 * (async) iterable as a stream, each item encoded when the upload reaches it.
 */
export function itemsBody(spec: BodySpec, value: unknown): EncodedBody {
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

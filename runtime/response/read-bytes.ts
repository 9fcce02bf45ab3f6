/**
 * A response's whole body, read from its stream. `arrayBuffer()` copies a body twice in Node
 * (undici joins the chunks into one buffer, then copies that into another), which costs each JSON
 * call two allocations the size of its body and the GC work after them; here a body that arrives as
 * one whole buffer is used as it is, and one in several chunks is joined once. It fails as
 * `arrayBuffer()` does: on a used body, a non-byte chunk, or the stream's own error.
 */
export function readBytes(response: Response): Promise<Uint8Array<ArrayBuffer>> {
  // Not async: a promise returned from an async function costs the call two more microtask turns.
  if (response.bodyUsed) return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
  return response.body === null ? Promise.resolve(new Uint8Array(0)) : readStream(response.body);
}

/** How much of a stream may be read, and the error once more has arrived. */
export interface ReadLimit {
  readonly bytes: number;
  readonly exceeded: () => Error;
}

/**
 * A byte stream read to its end and joined. With a `limit`, reading stops once more than
 * `limit.bytes` have arrived: the rest is cancelled, never held, and `limit.exceeded()` is thrown.
 */
export async function readStream(stream: ReadableStream<Uint8Array>, limit?: ReadLimit): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) throw new TypeError("Received non-Uint8Array chunk");
    length += value.byteLength;
    if (limit !== undefined && length > limit.bytes) {
      await reader.cancel();
      throw limit.exceeded();
    }
    chunks.push(value);
  }
  const only = chunks.length === 1 ? chunks[0] : undefined;
  // A view of part of a bigger buffer is copied, so that keeping the body never keeps more memory.
  if (only !== undefined && only.buffer instanceof ArrayBuffer && only.byteOffset === 0 && only.byteLength === only.buffer.byteLength) {
    return only as Uint8Array<ArrayBuffer>;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

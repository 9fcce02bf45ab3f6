/**
 * A response's whole body, read from its stream. `arrayBuffer()` copies a body twice in Node
 * (undici joins the chunks into one buffer, then copies that into another), which costs each JSON
 * call two allocations the size of its body and the GC work after them; here a body that arrives as
 * one whole buffer is used as it is, and one in several chunks is joined once. It fails as
 * `arrayBuffer()` does: on a used body, a non-byte chunk, or the stream's own error.
 */
export async function readBytes(response: Response): Promise<Uint8Array<ArrayBuffer>> {
  if (response.bodyUsed) throw new TypeError("Body is unusable: Body has already been read");
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) throw new TypeError("Received non-Uint8Array chunk");
    chunks.push(value);
    length += value.byteLength;
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

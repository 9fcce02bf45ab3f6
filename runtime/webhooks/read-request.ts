import { payloadTooLarge } from "./verify.js";

/**
 * A request's body as bytes, read no further than `maxBodySize` (when given): a sender that
 * declares or streams more is rejected without the SDK holding the rest in memory.
 */
export async function readRequestBody(request: Request, maxBodySize: number | undefined): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (maxBodySize !== undefined && declared > maxBodySize) throw payloadTooLarge(maxBodySize);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (maxBodySize !== undefined && length > maxBodySize) {
      await reader.cancel();
      throw payloadTooLarge(maxBodySize);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

import { readStream } from "../response/read-bytes.js";
import { payloadTooLarge } from "./verify.js";

/**
 * A request's body as bytes, read no further than `maxBodySize` (when given): a sender that
 * declares or streams more is rejected without the SDK holding the rest in memory.
 */
export async function readRequestBody(request: Request, maxBodySize: number | undefined): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (maxBodySize !== undefined && declared > maxBodySize) throw payloadTooLarge(maxBodySize);
  if (request.body === null) return new Uint8Array(0);
  return readStream(request.body, maxBodySize === undefined ? undefined : { bytes: maxBodySize, exceeded: () => payloadTooLarge(maxBodySize) });
}

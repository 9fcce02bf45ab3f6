import type { BufferedBody } from "./decode.js";

/**
 * The response with a body that can be read (again). The transport reads JSON and text bodies
 * itself; a new Response over the bytes costs tens of microseconds (a copy and a stream), so it is
 * made only when something asks for the response.
 */
export function rereadable(response: Response, body: BufferedBody | undefined): Response {
  if (!response.bodyUsed || body === undefined) return response;
  const copy = new Response(body.bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  // A constructed Response has an empty `url` and the type "default"; callers of withResponse(),
  // and the pagination walk (a "cors" response may hide its Link header), expect the real ones.
  Object.defineProperties(copy, { url: { value: response.url }, type: { value: response.type } });
  return copy;
}

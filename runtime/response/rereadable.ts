import type { BufferedBody } from "./decode.js";

/**
 * The response with a body that can be read (again): the transport reads JSON and text bodies
 * itself, and a copy of one costs about as much as parsing it, so the copy is made only when
 * something asks for the response.
 */
export function rereadable(response: Response, body: BufferedBody | undefined): Response {
  if (!response.bodyUsed || body === undefined) return response;
  const copy = new Response(body.bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  // A constructed Response has an empty `url`; callers of withResponse() expect the real one.
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

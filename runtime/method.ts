import type { HttpMethod, StandardMethod } from "./operation.js";

const STANDARD: ReadonlySet<string> = new Set<StandardMethod>(["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY"]);

/**
 * A method as a caller or a `Request` may spell it, in the spelling operations use: a standard
 * method in any case is upper-cased (`"get"` is GET, as fetch sends it), any other is kept as
 * written, since custom methods are case-sensitive (`purge` is not `PURGE`).
 */
export function canonicalMethod(method: string): HttpMethod {
  const upper = method.toUpperCase();
  return STANDARD.has(upper) ? upper : method;
}

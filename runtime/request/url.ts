/**
 * Joins the base URL and an expanded path by plain string concatenation, not URL resolution:
 * resolving `/pets` against `https://x.test/v1` would drop the `/v1` prefix (ky's `baseUrl` does
 * exactly that), and a trailing slash on the base must not double up.
 *
 * @example
 * joinUrl("https://x.test/v1", "/pets") // "https://x.test/v1/pets"
 * joinUrl("https://x.test/v1/", "/pets") // "https://x.test/v1/pets"
 */
export function joinUrl(baseUrl: string, path: string): string {
  const base = baseUrl.endsWith("/") ? baseUrl.replace(/\/+$/, "") : baseUrl;
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}

/** Appends encoded `name=value` fragments, respecting a query the URL may already have. */
export function withQuery(url: string, fragments: readonly string[]): string {
  if (fragments.length === 0) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${fragments.join("&")}`;
}

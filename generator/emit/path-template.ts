/**
 * A path template as the runtime sends it: every literal character a URL would misread is
 * percent-encoded, placeholders are left for the runtime to fill.
 *
 * AWS specs converted to OpenAPI have paths such as `/deletepermission#permissionArn`: sent as
 * written, everything after the `#`, the query included, is a fragment the server never sees.
 * Encoding here, once, keeps the runtime's per-call work and the testing kit's route matching
 * (which compares templates with encoded URL paths) as they are.
 *
 * What stays: RFC 3986 path characters (unreserved, sub-delims, `:`, `@`, `/`) and `%` escapes
 * the spec already wrote. Everything else (`#`, `?`, a `%` that starts no escape, spaces, `\`,
 * non-ASCII, …) becomes UTF-8 percent-escapes.
 *
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-3.3
 * @example
 * encodePathTemplate("/deletepermission#permissionArn") // "/deletepermission%23permissionArn"
 * encodePathTemplate("/files/{name}/100% done")         // "/files/{name}/100%25%20done"
 */
export function encodePathTemplate(template: string): string {
  return template.replace(/(\{[^}]+\}|%[0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/gu, (match, kept: string | undefined) => {
    if (kept !== undefined) return match;
    // A lone surrogate has no UTF-8 form (encodeURIComponent throws): it is sent as U+FFFD, as fetch would.
    return encodeURIComponent(LONE_SURROGATE.test(match) ? "\uFFFD" : match);
  });
}

const LONE_SURROGATE = /^[\uD800-\uDFFF]$/u;

/** Percent-encoders for the parts of a URL. Each takes raw text and returns text safe to paste in. */

export type Encoder = (text: string) => string;

/** Leaves text as it is, for values handed to `URLSearchParams`/`Headers`, which encode themselves. */
export const verbatim: Encoder = (text) => text;

/** A path segment or query component: everything but unreserved characters is encoded (`/` → `%2F`). */
export const encodeComponent: Encoder = (text) => encodeURIComponent(text);

/**
 * A `cookie`-style value (OpenAPI 3.2), sent without escaping: RFC 6265's cookie-octets stay as
 * they are, and only what a cookie value cannot hold (`;`, `,`, space, `"`, `\`, controls,
 * non-ASCII) is percent-encoded, so a value can never add a cookie of its own.
 */
export const encodeCookieOctets: Encoder = (text) => text.replace(/[^\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]/gu, (character) => encodeURIComponent(character));

/**
 * For `allowReserved` query parameters: RFC 3986 reserved characters stay as they are, except
 * `#`, `&`, `=` and `+`, which would end the URL or change how the query is split and decoded.
 */
export const encodeAllowingReserved: Encoder = (text) =>
  encodeURIComponent(text).replace(/%(?:3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => decodeURIComponent(escape));

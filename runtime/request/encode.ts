/** Percent-encoders for the parts of a URL. Each takes raw text and returns text safe to paste in. */

export type Encoder = (text: string) => string;

/** Leaves text as it is, for values handed to `URLSearchParams`/`Headers`, which encode themselves. */
export const verbatim: Encoder = (text) => text;

/** A path segment or query component: everything but unreserved characters is encoded (`/` → `%2F`). */
export const encodeComponent: Encoder = (text) => encodeURIComponent(text);

/**
 * For `allowReserved` query parameters: RFC 3986 reserved characters stay as they are, except
 * `#`, `&`, `=` and `+`, which would end the URL or change how the query is split and decoded.
 */
export const encodeAllowingReserved: Encoder = (text) =>
  encodeURIComponent(text).replace(/%(?:3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => decodeURIComponent(escape));

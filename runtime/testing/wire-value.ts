/**
 * A value read back from a URL, header or form field before its schema is consulted. Text such as
 * `a,b` may be one string or a list: only the schema can tell, so it is kept as `Delimited` until
 * `coerce` decides.
 */
export class Delimited {
  /** The decoded text as a whole, e.g. `a,b`. */
  readonly text: string;
  /** The decoded parts between the literal delimiters, e.g. `["a", "b"]`. */
  readonly parts: readonly string[];

  constructor(text: string, parts: readonly string[]) {
    this.text = text;
    this.parts = parts;
  }
}

/** Splits raw (still percent-encoded) text on a literal delimiter, decoding each part. */
export function delimited(raw: string, delimiter: string, decode: (text: string) => string): Delimited {
  return new Delimited(decode(raw), raw.split(delimiter).map(decode));
}

/** `%XX` escapes decoded; text that is not valid percent-encoding is kept as it is. */
export function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A query or form component: `+` is a space there, as in HTML forms and `URLSearchParams`. */
export function decodeQueryComponent(text: string): string {
  return decodeComponent(text.replace(/\+/g, " "));
}

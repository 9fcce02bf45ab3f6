/**
 * RFC 8288 `Link` header parsing: `<https://api.test/items?page=2>; rel="next", <…>; rel="last"`.
 * @see https://www.rfc-editor.org/rfc/rfc8288#section-3
 */

export interface Link {
  /** The target as written (a URI reference, resolved by the caller). */
  readonly target: string;
  /** Lower-cased relation types: `rel="next last"` is both. */
  readonly rel: readonly string[];
  /** Every parameter by lower-cased name; the first occurrence wins, as RFC 8288 says for `rel`. */
  readonly params: Readonly<Record<string, string>>;
}

const WHITESPACE = /[ \t]/;

/** Every link in a `Link` header value; malformed parts are skipped. */
export function parseLinkHeader(value: string): Link[] {
  const links: Link[] = [];
  let i = 0;
  const skipWhitespace = (): void => {
    while (i < value.length && WHITESPACE.test(value.charAt(i))) i++;
  };
  const readUntil = (stop: RegExp): string => {
    const start = i;
    while (i < value.length && !stop.test(value.charAt(i))) i++;
    return value.slice(start, i);
  };
  const readQuoted = (): string => {
    let text = "";
    for (i++; i < value.length && value.charAt(i) !== '"'; i++) text += value.charAt(i) === "\\" && i + 1 < value.length ? value.charAt(++i) : value.charAt(i);
    i++;
    return text;
  };
  while (i < value.length) {
    skipWhitespace();
    if (value.charAt(i) === ",") {
      i++;
      continue;
    }
    if (value.charAt(i) !== "<") {
      readUntil(/,/);
      continue;
    }
    const end = value.indexOf(">", i);
    if (end === -1) break;
    const target = value.slice(i + 1, end).trim();
    i = end + 1;
    const params = Object.create(null) as Record<string, string>;
    for (skipWhitespace(); value.charAt(i) === ";"; skipWhitespace()) {
      i++;
      skipWhitespace();
      const name = readUntil(/[=;,\s]/).toLowerCase();
      skipWhitespace();
      let paramValue = "";
      if (value.charAt(i) === "=") {
        i++;
        skipWhitespace();
        paramValue = value.charAt(i) === '"' ? readQuoted() : readUntil(/[;,\s]/);
      }
      if (name !== "" && !Object.hasOwn(params, name)) params[name] = paramValue;
    }
    links.push({ target, rel: (params.rel ?? "").toLowerCase().split(/\s+/).filter((rel) => rel !== ""), params });
    readUntil(/,/);
  }
  return links;
}

/** The target of the first `rel="next"` link, if any. */
export function nextLink(value: string | null): string | undefined {
  if (value === null) return undefined;
  return parseLinkHeader(value).find((link) => link.rel.includes("next"))?.target;
}

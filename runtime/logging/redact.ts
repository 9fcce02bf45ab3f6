import { isJsonMediaType } from "../media-type.js";
import type { SecuritySchemeSpec } from "../operation.js";

/** What every credential is replaced by in log lines and error messages. */
export const REDACTED = "[redacted]";

/** How much of a request body a log line shows. */
const LOGGED_BODY_CHARS = 1_000;

/** Headers that carry credentials whatever the API declares. */
const ALWAYS_SECRET_HEADERS = ["authorization", "proxy-authorization", "cookie", "set-cookie"];

/**
 * Hides credentials before anything is logged or put into an error message: the standard
 * credential headers (`Cookie` as a whole, so API-key cookies with it), every header and query
 * parameter named by one of the API's `apiKey` security schemes, and in request bodies every field
 * the spec marks `format: password` or `writeOnly`.
 */
export class Redactor {
  readonly #headers: ReadonlySet<string>;
  readonly #queryParams: ReadonlySet<string>;
  readonly #fields: ReadonlySet<string>;

  /** Given the fields of `ApiSpec` it reads, declared here: api-spec.ts names the transport (in the streams feature's signature), so this module cannot import it. */
  constructor(api: { readonly securitySchemes: Readonly<Record<string, SecuritySchemeSpec>>; readonly secretFields?: readonly string[] }) {
    const apiKeys = Object.values(api.securitySchemes).flatMap((scheme) => (scheme.type === "apiKey" ? [scheme] : []));
    this.#headers = new Set([...ALWAYS_SECRET_HEADERS, ...apiKeys.filter((key) => key.in === "header").map((key) => key.name.toLowerCase())]);
    this.#queryParams = new Set(apiKeys.filter((key) => key.in === "query").map((key) => key.name));
    this.#fields = new Set(api.secretFields ?? []);
  }

  /** `https://user:pw@x.test/a?api_key=s3cret&q=1` → `https://[redacted]@x.test/a?api_key=[redacted]&q=1` */
  url(url: string): string {
    const queryStart = url.indexOf("?");
    const head = (queryStart === -1 ? url : url.slice(0, queryStart)).replace(/^([a-z][a-z\d+.-]*:\/\/)[^/?#@]*@/i, `$1${REDACTED}@`);
    if (queryStart === -1) return head;
    const query = url
      .slice(queryStart + 1)
      .split("&")
      .map((fragment) => {
        const nameEnd = fragment.includes("=") ? fragment.indexOf("=") : fragment.length;
        const name = fragment.slice(0, nameEnd);
        return this.#queryParams.has(safeDecode(name)) ? `${name}=${REDACTED}` : fragment;
      })
      .join("&");
    return `${head}?${query}`;
  }

  /** One header value, redacted when its name carries credentials. */
  header(name: string, value: string): string {
    return this.#headers.has(name.toLowerCase()) ? REDACTED : value;
  }

  /** Headers as `name: value` pairs on one line. */
  headers(headers: Headers): string {
    return [...headers].map(([name, value]) => `${name}: ${this.header(name, value)}`).join(", ");
  }

  /**
   * A JSON or form request body as one line, secret fields (at any depth; `user[password]` in a
   * form) replaced, cut at 1,000 characters. `undefined` for other bodies, which are not shown.
   */
  body(body: BodyInit, contentType: string | undefined): string | undefined {
    let text: string;
    if (typeof body === "string" && contentType !== undefined && isJsonMediaType(contentType)) {
      try {
        text = JSON.stringify(JSON.parse(body, (key, value: unknown) => (this.#fields.has(key) ? REDACTED : value)));
      } catch {
        return undefined;
      }
    } else if (body instanceof URLSearchParams) {
      const form = new URLSearchParams();
      for (const [name, value] of body) form.append(name, this.#fields.has(name.replace(/^.*\[([^\]]*)\]$/, "$1")) ? REDACTED : value);
      text = form.toString();
    } else {
      return undefined;
    }
    return text.length > LOGGED_BODY_CHARS ? `${text.slice(0, LOGGED_BODY_CHARS)}…` : text;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

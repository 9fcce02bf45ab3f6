import type { ApiSpec } from "../operation.js";

/** What every credential is replaced by in log lines and error messages. */
export const REDACTED = "[redacted]";

/** Headers that carry credentials whatever the API declares. */
const ALWAYS_SECRET_HEADERS = ["authorization", "proxy-authorization", "cookie", "set-cookie"];

/**
 * Hides credentials in URLs and headers before they are logged or put into an error message:
 * the standard credential headers (`Cookie` as a whole, so API-key cookies with it), and every
 * header and query parameter named by one of the API's `apiKey` security schemes.
 */
export class Redactor {
  readonly #headers: ReadonlySet<string>;
  readonly #queryParams: ReadonlySet<string>;

  constructor(schemes: ApiSpec["securitySchemes"]) {
    const apiKeys = Object.values(schemes).flatMap((scheme) => (scheme.type === "apiKey" ? [scheme] : []));
    this.#headers = new Set([...ALWAYS_SECRET_HEADERS, ...apiKeys.filter((key) => key.in === "header").map((key) => key.name.toLowerCase())]);
    this.#queryParams = new Set(apiKeys.filter((key) => key.in === "query").map((key) => key.name));
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
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

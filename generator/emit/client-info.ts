import { packageVersion } from "../package-files.js";

/**
 * The value of the `X-Client-Info` header an SDK sends, e.g. `swagger-petstore/1.0.0 gen-client/0.1.0`:
 * the API's name and version, as product tokens (RFC 9110 §10.1.5), and gen-client's. The spec is
 * untrusted input, so its name and version are reduced to token characters: nothing in them can
 * break the header, or the string literal it is emitted as.
 */
export function clientInfoHeader(title: string, version: string | undefined): string {
  const name = token(title.toLowerCase()) || "api";
  const apiVersion = version === undefined ? "" : token(version);
  return `${apiVersion === "" ? name : `${name}/${apiVersion}`} gen-client/${packageVersion()}`;
}

/**
 * Letters lose their accents (`Ü` → `U`); other runs of characters outside an HTTP token (and `/`,
 * which separates product and version, and `` ` `` and `|`, which would break the SDK README's
 * table) become `-`.
 */
function token(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^A-Za-z0-9!#$%&'*+.^_~-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

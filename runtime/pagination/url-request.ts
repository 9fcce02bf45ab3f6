import type { OperationSpec } from "../operation.js";

/**
 * The part of `url` after the client's base URL (`/items?page=2` for
 * `https://api.test/v1/items?page=2` under `https://api.test/v1`), or `undefined` when the URL
 * is not under the base URL: another origin, or a path outside the base path. Pages are only
 * followed inside the API, so its credentials are never sent anywhere else.
 */
export function pathUnderBase(url: string, baseUrl: string): string | undefined {
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(url);
  } catch {
    return undefined;
  }
  if (target.origin !== base.origin) return undefined;
  const prefix = base.pathname.replace(/\/+$/, "");
  if (target.pathname !== prefix && !target.pathname.startsWith(`${prefix}/`)) return undefined;
  return `${target.pathname.slice(prefix.length) || "/"}${target.search}`;
}

/**
 * The operation as a request for one next-page URL: its path and query are the URL's (kept as
 * the server encoded them), path and query parameters are dropped, and header and cookie
 * parameters stay, so the call still sends them. Everything else (credentials, retries,
 * timeouts, validation, the concurrency cap) is the operation's own call.
 */
export function operationForUrl(operation: OperationSpec, pathAndQuery: string): OperationSpec {
  return { ...operation, path: pathAndQuery, params: operation.params.filter((param) => param.in === "header" || param.in === "cookie") };
}

/**
 * OAuth 2 client-credentials flows: one token source per security scheme, made on first use and
 * kept per core (its cached tokens with it). Part of the `tokenSources` feature (see
 * `RuntimeFeatures`), so that an SDK whose spec declares no such flow bundles none of it.
 */
import type { ApiSpec } from "../api-spec.js";
import type { Config } from "../config.js";
import type { Log } from "../logging/log.js";
import type { FetchFunction } from "../options.js";
import { ClientCredentialsSource } from "./client-credentials.js";
import type { ClientCredentials } from "./credentials.js";

/** A core's token source for a scheme, given the client's credentials for it. */
export type TokenSourceOf = (scheme: string, credentials: ClientCredentials) => ClientCredentialsSource;

/** Reads only these fields, as `RuntimeFeatures.tokenSources` says (which cannot name `Config`: config.ts reads `ApiSpec`). */
export function tokenSources(api: Pick<ApiSpec, "securitySchemes">, config: Pick<Config, "baseUrl" | "timeout">, fetch: FetchFunction | undefined, log: Log): TokenSourceOf {
  const sources = new Map<string, ClientCredentialsSource>();
  return (scheme, credentials) => {
    let source = sources.get(scheme);
    if (!source) {
      const spec = api.securitySchemes[scheme];
      const tokenUrl = spec?.type === "oauth2" && spec.tokenUrl !== undefined ? resolveTokenUrl(spec.tokenUrl, config.baseUrl) : "";
      source = new ClientCredentialsSource({ scheme, tokenUrl, credentials, fetch, timeout: config.timeout, log });
      sources.set(scheme, source);
    }
    return source;
  };
}

/**
 * An OAuth 2 `tokenUrl` may be relative to the server URL (OpenAPI 3.1). `baseUrl` is taken as a
 * folder, as for operation paths (a trailing slash does not matter): with `https://x.test/v1`,
 * `oauth/token` is `https://x.test/v1/oauth/token` and `/oauth/token` is `https://x.test/oauth/token`.
 * A URL that still cannot be resolved is kept, and fails when fetched.
 */
export function resolveTokenUrl(tokenUrl: string, baseUrl: string): string {
  try {
    return new URL(tokenUrl, baseUrl === "" ? undefined : baseUrl.replace(/\/*$/, "/")).href;
  } catch {
    return tokenUrl;
  }
}

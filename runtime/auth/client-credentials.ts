import ky, * as kyExports from "ky";
import type { Input } from "ky";
import { AuthenticationError } from "../errors/authentication-error.js";
import type { Log } from "../logging/log.js";
import type { FetchFunction } from "../options.js";
import { raceAbort } from "../transport/abort.js";
import { basicAuthorization } from "./basic.js";
import type { ClientCredentials } from "./credentials.js";

// From the namespace, not named imports: see transport/ky-version.ts. Read where used: a
// module-level read would keep this module in the bundle of every SDK that imports a feature.

export interface ClientCredentialsSourceInit {
  /** The security scheme's name, for error messages. */
  readonly scheme: string;
  readonly tokenUrl: string;
  readonly credentials: ClientCredentials;
  readonly fetch: FetchFunction | undefined;
  readonly timeout: number | false;
  /** For a debug line per token request and response, as for API calls. */
  readonly log: Log;
}

interface CachedToken {
  readonly token: string;
  /** Epoch milliseconds; `Infinity` when the server gave no `expires_in` (kept until a 401). */
  readonly expiresAt: number;
}

/** Tokens are renewed a little before they expire, so one is not sent as it runs out. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Access tokens from an OAuth 2 token endpoint with the client-credentials grant (RFC 6749 §4.4),
 * one per set of scopes, cached until shortly before they expire. Concurrent calls share one
 * token request, and after a 401 they share one refresh.
 */
export class ClientCredentialsSource {
  readonly #init: ClientCredentialsSourceInit;
  readonly #cache = new Map<string, CachedToken>();
  readonly #pending = new Map<string, Promise<CachedToken>>();

  constructor(init: ClientCredentialsSourceInit) {
    this.#init = init;
  }

  /** The scopes asked for: the credentials' own if given, else the operation's. */
  scopesFor(operationScopes: readonly string[]): readonly string[] {
    return this.#init.credentials.scopes ?? operationScopes;
  }

  /** A valid token, cached or fetched. `signal` stops this caller's wait, not the shared request. */
  async token(scopes: readonly string[], signal: AbortSignal | undefined): Promise<string> {
    const key = scopeKey(scopes);
    const cached = this.#cache.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.token;
    return (await raceAbort(this.#fetchShared(key, scopes), signal)).token;
  }

  /**
   * A new token after `rejected` drew a 401. When another call has already replaced it, that
   * replacement is used: however many calls see the 401, the token endpoint is asked once.
   */
  async refresh(scopes: readonly string[], rejected: string, signal: AbortSignal | undefined): Promise<string> {
    const key = scopeKey(scopes);
    const cached = this.#cache.get(key);
    if (cached && cached.token !== rejected && cached.expiresAt > Date.now()) return cached.token;
    if (!this.#pending.has(key)) this.#cache.delete(key);
    return (await raceAbort(this.#fetchShared(key, scopes), signal)).token;
  }

  #fetchShared(key: string, scopes: readonly string[]): Promise<CachedToken> {
    const pending = this.#pending.get(key);
    if (pending) return pending;
    const request = this.#request(scopes)
      .then((token) => {
        this.#cache.set(key, token);
        return token;
      })
      .finally(() => this.#pending.delete(key));
    this.#pending.set(key, request);
    return request;
  }

  async #request(scopes: readonly string[]): Promise<CachedToken> {
    const { scheme, tokenUrl, credentials } = this.#init;
    const fail = (reason: string, extra: { status?: number; cause?: unknown } = {}): AuthenticationError =>
      new AuthenticationError({ scheme, url: tokenUrl, reason, ...extra });

    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (scopes.length > 0) form.set("scope", scopes.join(" "));
    const customFetch = this.#init.fetch;
    const { log } = this.#init;
    const started = performance.now();
    log.debug(`token request POST ${tokenUrl} (${scheme}, scope "${scopes.join(" ")}"; authorization: [redacted])`);
    let response: Response;
    try {
      response = await ky.post(tokenUrl, {
        body: form,
        // RFC 6749 §2.3.1: the client id and secret are form-encoded before going into Basic auth.
        headers: { authorization: basicAuthorization(formEncode(credentials.clientId), formEncode(credentials.clientSecret)), accept: "application/json" },
        timeout: this.#init.timeout,
        retry: { limit: 2, methods: ["post"] },
        throwHttpErrors: false,
        ...(customFetch && { fetch: (input: Input, init?: RequestInit) => customFetch(input instanceof Request ? input : new Request(input, init), init) }),
      });
    } catch (error) {
      // ky's errors hold the request, and so the client credentials: keep only what went wrong.
      const cause: unknown = kyExports.isTimeoutError(error) ? undefined : kyExports.isNetworkError(error) ? error.cause : error;
      throw fail(`failed: ${error instanceof Error ? error.message : String(error)}`, cause === undefined ? {} : { cause });
    }
    log.debug(`token response ${response.status} POST ${tokenUrl} (${scheme}) in ${Math.round(performance.now() - started)} ms`);
    const text = await response.text();
    const body = parseObject(text);
    if (!response.ok) {
      // The error code is the server's text: kept to one short line, so the message stays one.
      const code = typeof body?.["error"] === "string" ? ` (${body["error"].replace(/\s+/g, " ").slice(0, 100)})` : "";
      throw fail(`failed with ${response.status}${response.statusText ? ` ${response.statusText}` : ""}${code}`, { status: response.status });
    }
    const token = body?.["access_token"];
    if (typeof token !== "string" || token === "") throw fail("returned no access_token", { status: response.status });
    const expiresIn = Number(body?.["expires_in"]);
    const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : Number.POSITIVE_INFINITY;
    return { token, expiresAt: Date.now() + lifetime - Math.min(EXPIRY_MARGIN_MS, lifetime / 10) };
  }
}

function scopeKey(scopes: readonly string[]): string {
  return [...scopes].sort().join(" ");
}

function formEncode(text: string): string {
  return new URLSearchParams({ "": text }).toString().slice(1);
}

function parseObject(text: string): Readonly<Record<string, unknown>> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Readonly<Record<string, unknown>>) : undefined;
  } catch {
    return undefined;
  }
}

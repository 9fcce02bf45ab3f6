/**
 * Credentials for the spec's security schemes. Every kind may be a function: it is called once per
 * call (before the first attempt), so short-lived tokens can be refreshed without a new client.
 */

/**
 * An HTTP bearer token, an OAuth 2 access token or an OpenID Connect token, sent as
 * `Authorization: Bearer <token>`.
 *
 * @example
 * ```
 * createClient({ auth: { bearerAuth: async () => (await session()).accessToken } });
 * ```
 */
export type TokenCredential = string | (() => string | Promise<string>);

/** An API key, sent in the header, query parameter or cookie the scheme names. */
export type ApiKeyCredential = string | (() => string | Promise<string>);

export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/** HTTP basic credentials, sent as `Authorization: Basic base64(username:password)` (UTF-8). */
export type BasicCredential = BasicCredentials | (() => BasicCredentials | Promise<BasicCredentials>);

/**
 * OAuth 2 client credentials (RFC 6749 §4.4): the runtime posts them to the scheme's `tokenUrl`,
 * caches the access token until it expires, and fetches a new one once when the API answers 401.
 */
export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  /**
   * The scopes to ask for.
   *
   * @default the scopes the operation's security requirement lists
   */
  readonly scopes?: readonly string[];
}

/** An access token (or a function returning one), or client credentials to fetch one. */
export type OAuth2Credential = TokenCredential | ClientCredentials;

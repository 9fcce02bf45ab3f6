import type { SecurityRequirement, SecuritySchemeSpec } from "../operation.js";
import { encodeComponent } from "../request/encode.js";
import { basicAuthorization } from "./basic.js";
import type { ClientCredentialsSource } from "./client-credentials.js";
import type { BasicCredentials, ClientCredentials } from "./credentials.js";

/** Credentials as they go on the wire. */
export interface AppliedAuth {
  readonly headers: readonly (readonly [string, string])[];
  /** Encoded `name=value` fragments. */
  readonly query: readonly string[];
  /** Encoded `name=value` fragments of the `Cookie` header. */
  readonly cookies: readonly string[];
  /** Set when a token came from client credentials, so a 401 can refresh it. */
  readonly oauth: OAuthGrant | undefined;
}

export interface OAuthGrant {
  readonly source: ClientCredentialsSource;
  readonly scopes: readonly string[];
  readonly token: string;
}

export interface AuthContext {
  readonly schemes: Readonly<Record<string, SecuritySchemeSpec>>;
  readonly credential: (scheme: string) => unknown;
  /** The client's token source for a scheme with client credentials. */
  readonly tokenSource: (scheme: string, credentials: ClientCredentials) => ClientCredentialsSource;
  readonly signal: AbortSignal | undefined;
}

export const NO_AUTH: AppliedAuth = { headers: [], query: [], cookies: [], oauth: undefined };

/** Resolves the credentials of each scheme in `requirement` (calling credential functions now). */
export async function applyAuth(requirement: SecurityRequirement, context: AuthContext): Promise<AppliedAuth> {
  const headers: [string, string][] = [];
  const query: string[] = [];
  const cookies: string[] = [];
  let oauth: OAuthGrant | undefined;

  for (const [name, scopes] of Object.entries(requirement)) {
    const scheme = context.schemes[name];
    if (!scheme) continue;
    const credential = context.credential(name);
    switch (scheme.type) {
      case "http": {
        if (scheme.scheme.toLowerCase() === "basic") {
          const { username, password } = await basicCredentials(name, credential);
          headers.push(["authorization", basicAuthorization(username, password)]);
        } else {
          const prefix = scheme.scheme.toLowerCase() === "bearer" ? "Bearer" : scheme.scheme;
          headers.push(["authorization", `${prefix} ${await token(name, credential)}`]);
        }
        break;
      }
      case "apiKey": {
        const key = await token(name, credential);
        if (scheme.in === "header") headers.push([scheme.name, key]);
        else if (scheme.in === "query") query.push(`${encodeComponent(scheme.name)}=${encodeComponent(key)}`);
        else cookies.push(`${encodeComponent(scheme.name)}=${encodeComponent(key)}`);
        break;
      }
      case "oauth2": {
        if (isClientCredentials(credential)) {
          if (scheme.tokenUrl === undefined) {
            throw new TypeError(`Security scheme "${name}" declares no client-credentials tokenUrl: pass an access token instead`);
          }
          const source = context.tokenSource(name, credential);
          const grantScopes = source.scopesFor(scopes);
          const accessToken = await source.token(grantScopes, context.signal);
          oauth = { source, scopes: grantScopes, token: accessToken };
          headers.push(["authorization", `Bearer ${accessToken}`]);
        } else {
          headers.push(["authorization", `Bearer ${await token(name, credential)}`]);
        }
        break;
      }
      case "openIdConnect":
        headers.push(["authorization", `Bearer ${await token(name, credential)}`]);
        break;
    }
  }
  return { headers, query, cookies, oauth };
}

function isClientCredentials(value: unknown): value is ClientCredentials {
  return typeof value === "object" && value !== null && "clientId" in value && "clientSecret" in value;
}

async function token(scheme: string, credential: unknown): Promise<string> {
  const value: unknown = typeof credential === "function" ? await (credential as () => unknown)() : credential;
  if (typeof value !== "string") throw new TypeError(`The credential for security scheme "${scheme}" must be a string or a function returning one`);
  return value;
}

async function basicCredentials(scheme: string, credential: unknown): Promise<BasicCredentials> {
  const value: unknown = typeof credential === "function" ? await (credential as () => unknown)() : credential;
  if (typeof value === "object" && value !== null && "username" in value && "password" in value) {
    const { username, password } = value;
    if (typeof username === "string" && typeof password === "string") return { username, password };
  }
  throw new TypeError(`The credential for security scheme "${scheme}" must be { username, password } or a function returning it`);
}

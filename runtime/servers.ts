/**
 * Which URL each operation's path is appended to: the caller's `baseUrl` for every operation;
 * else the chosen environment's server (the first by default), or the operation's own server,
 * with the caller's `serverVariables` filled in.
 */
import { SdkError } from "./errors/sdk-error.js";
import type { Log } from "./logging/log.js";
import type { ApiSpec } from "./api-spec.js";
import type { OperationSpec, ServerSpec } from "./operation.js";
import type { ClientOptions, ValidationMode } from "./options.js";

const PLACEHOLDER = /\{([^}]+)\}/g;

/** The base URL of each operation, for one client. */
export type BaseUrlOf = (operation: OperationSpec) => string;

/**
 * Checks the caller's choices once, when the client is created: an unknown environment always
 * throws; a variable the spec does not declare, or a value outside its enum, throws under
 * `validate: 'strict'`, is logged under `'warn'`, and is used as given under `'off'`.
 */
export function resolveBaseUrls(options: ClientOptions<object, string, object>, api: ApiSpec, validate: ValidationMode, log: Log): { baseUrl: string; of: BaseUrlOf } {
  const servers = api.servers ?? [];
  const environment = options.environment === undefined ? servers[0] : servers.find((server) => server.name === options.environment);
  if (environment === undefined && options.environment !== undefined) {
    const known = servers.map((server) => JSON.stringify(server.name)).join(", ");
    throw new SdkError(`createClient: unknown environment ${JSON.stringify(options.environment)}; this API's are ${known || "none (pass baseUrl)"}`);
  }
  const values = checkedVariables(options.serverVariables, api.serverVariables ?? {}, validate, log);
  // A caller's baseUrl (a proxy, a test server) is where every operation goes, its own servers' too.
  if (options.baseUrl !== undefined) {
    const baseUrl = options.baseUrl;
    return { baseUrl, of: () => baseUrl };
  }
  const baseUrl = environment === undefined ? "" : absolute(serverUrl(environment, values));
  return {
    baseUrl,
    of: (operation) => {
      const own = operation.servers;
      if (own === undefined || own.length === 0) return baseUrl;
      // The operation's server of the same environment name, so a sandbox client stays in the sandbox.
      const server = own.find((candidate) => candidate.name === environment?.name) ?? own[0];
      return server === undefined ? baseUrl : absolute(serverUrl(server, values));
    },
  };
}

/** The caller's values by name: a Map, so a variable named `__proto__` or `constructor` is only itself. */
function checkedVariables(given: object | undefined, declared: Readonly<Record<string, readonly string[]>>, validate: ValidationMode, log: Log): ReadonlyMap<string, string> {
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(given ?? {})) {
    if (value === undefined) continue;
    const allowed = Object.hasOwn(declared, name) ? declared[name] : undefined;
    const problem =
      allowed === undefined
        ? `serverVariables.${name} is not a server variable of this API (it has ${Object.keys(declared).join(", ") || "none"})`
        : typeof value !== "string"
          ? `serverVariables.${name} must be a string`
          : allowed.length > 0 && !allowed.includes(value)
            ? `serverVariables.${name} is ${JSON.stringify(value)}, not one of ${allowed.map((each) => JSON.stringify(each)).join(", ")}`
            : undefined;
    if (problem !== undefined && validate === "strict") throw new SdkError(`createClient: ${problem}`);
    if (problem !== undefined && validate === "warn") log.warn(`createClient: ${problem}; using it as given`);
    values.set(name, String(value));
  }
  return values;
}

/** The server's URL with the caller's values, else the server's defaults, filled in. */
function serverUrl(server: ServerSpec, values: ReadonlyMap<string, string>): string {
  if (!server.url.includes("{")) return server.url;
  const defaults = server.variables ?? {};
  return server.url.replace(PLACEHOLDER, (_whole, name: string) => urlText(values.get(name) ?? (Object.hasOwn(defaults, name) ? (defaults[name] ?? "") : "")));
}

/**
 * A value as URL text. `/`, `:` and `@` are kept, so that a variable may hold a port, a host or a
 * path prefix (`{basePath}` is often `/v1`); what a URL cannot hold is percent-encoded, and so
 * are `?` and `#`, which would end the path.
 */
function urlText(value: string): string {
  try {
    return encodeURI(value).replace(/[?#]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    throw new SdkError(`createClient: the server variable value ${JSON.stringify(value)} is not valid text (a lone surrogate)`);
  }
}

/**
 * A relative server URL resolves against the document the spec came from; the generator resolved
 * it when it fetched the spec from a URL. Otherwise it resolves against the page (or worker) the
 * SDK runs in, which is where an API that serves its own spec is; with no page, it cannot be used.
 */
function absolute(url: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(url)) return url;
  const page = pageLocation();
  if (page !== undefined) return new URL(url, page).href;
  throw new SdkError(`createClient: the spec's server URL ${JSON.stringify(url)} is relative, and this runtime has no page location to resolve it against; pass baseUrl`);
}

/** The page's URL; Deno without `--location` throws on reading `location`, which is no page either. */
function pageLocation(): string | undefined {
  try {
    const href = (globalThis as { readonly location?: { readonly href?: unknown } }).location?.href;
    return typeof href === "string" ? href : undefined;
  } catch {
    return undefined;
  }
}

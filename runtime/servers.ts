/**
 * Server URLs with `{variables}`, filled in with the caller's `serverVariables` or their defaults,
 * and relative server URLs, resolved against the page: a runtime feature
 * (`RuntimeFeatures.resolveBaseUrls`) over base-url.ts, for the APIs whose spec has them.
 */
import { baseUrls, chosenEnvironment, serverVariableProblem, type ResolveBaseUrls } from "./base-url.js";
import { SdkError } from "./errors/sdk-error.js";
import type { Log } from "./logging/log.js";
import type { ServerSpec } from "./operation.js";
import type { ValidationMode } from "./options.js";

const PLACEHOLDER = /\{([^}]+)\}/g;

/**
 * Checks the caller's choices once, when the client is created: an unknown environment always
 * throws; a variable the spec does not declare, or a value outside its enum, throws under
 * `validate: 'strict'`, is logged under `'warn'`, and is used as given under `'off'`.
 */
export const resolveBaseUrls: ResolveBaseUrls = (options, api, validate, log) => {
  const environment = chosenEnvironment(options, api);
  const values = checkedVariables(options.serverVariables, api.serverVariables ?? {}, validate, log);
  return baseUrls(options, environment, (server) => absolute(serverUrl(server, values)));
};

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
    if (problem !== undefined) serverVariableProblem(problem, validate, log);
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

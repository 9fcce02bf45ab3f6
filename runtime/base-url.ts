/**
 * Which URL each operation's path is appended to: the caller's `baseUrl` for every operation;
 * else the chosen environment's server (the first by default), or the operation's own server.
 * Here for an API whose server URLs are absolute and have no variables, used as the spec wrote
 * them; an SDK whose spec has server variables or relative server URLs passes in servers.ts's
 * `resolveBaseUrls` (`RuntimeFeatures.resolveBaseUrls`), which fills them in over this module, so
 * that the bundle of an SDK without them leaves that out.
 */
import { SdkError } from "./errors/sdk-error.js";
import type { Log } from "./logging/log.js";
import type { OperationSpec, ServerSpec } from "./operation.js";
import type { ClientOptions, ValidationMode } from "./options.js";

/** The base URL of each operation, for one client. */
export type BaseUrlOf = (operation: OperationSpec) => string;

/**
 * What base URLs are chosen from: the API's servers. `ApiSpec` extends it; declared here, not
 * picked from `ApiSpec`, whose features include `ResolveBaseUrls`.
 */
export interface ApiServers {
  /** The environments, the first the default: used when the caller gives no `baseUrl`. */
  readonly servers?: readonly ServerSpec[];
  /** Every server variable's allowed values (empty: any value), to check `ClientOptions.serverVariables`. */
  readonly serverVariables?: Readonly<Record<string, readonly string[]>>;
}

export type ResolveBaseUrls = (options: ClientOptions<object, string, object>, api: ApiServers, validate: ValidationMode, log: Log) => { baseUrl: string; of: BaseUrlOf };

export const fixedBaseUrls: ResolveBaseUrls = (options, api, validate, log) => {
  const environment = chosenEnvironment(options, api);
  for (const [name, value] of Object.entries(options.serverVariables ?? {})) {
    if (value !== undefined) serverVariableProblem(`serverVariables.${name} is not a server variable of this API (it has none)`, validate, log);
  }
  return baseUrls(options, environment, (server) => server.url);
};

/** `baseUrl` for every operation, else the environment's server or an operation's own, as `urlOf` makes their URLs. */
export function baseUrls(options: ClientOptions<object, string, object>, environment: ServerSpec | undefined, urlOf: (server: ServerSpec) => string): { baseUrl: string; of: BaseUrlOf } {
  // A caller's baseUrl (a proxy, a test server) is where every operation goes, its own servers' too.
  if (options.baseUrl !== undefined) {
    const baseUrl = options.baseUrl;
    return { baseUrl, of: () => baseUrl };
  }
  const baseUrl = environment === undefined ? "" : urlOf(environment);
  return {
    baseUrl,
    of: (operation) => {
      const own = operation.servers;
      if (own === undefined || own.length === 0) return baseUrl;
      // The operation's server of the same environment name, so a sandbox client stays in the sandbox.
      const server = own.find((candidate) => candidate.name === environment?.name) ?? own[0];
      return server === undefined ? baseUrl : urlOf(server);
    },
  };
}

/** The environment the caller chose, else the first; an unknown one always throws. */
export function chosenEnvironment(options: ClientOptions<object, string, object>, api: ApiServers): ServerSpec | undefined {
  const servers = api.servers ?? [];
  if (options.environment === undefined) return servers[0];
  const environment = servers.find((server) => server.name === options.environment);
  if (environment !== undefined) return environment;
  const known = servers.map((server) => JSON.stringify(server.name)).join(", ");
  throw new SdkError(`createClient: unknown environment ${JSON.stringify(options.environment)}; this API's are ${known || "none (pass baseUrl)"}`);
}

/** A server variable the caller got wrong: throws under `validate: 'strict'`, is logged under `'warn'`, and is used as given under `'off'`. */
export function serverVariableProblem(problem: string, validate: ValidationMode, log: Log): void {
  if (validate === "strict") throw new SdkError(`createClient: ${problem}`);
  if (validate === "warn") log.warn(`createClient: ${problem}; using it as given`);
}

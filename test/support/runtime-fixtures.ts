/** Hand-built operation specs and clients for the runtime's tests (the generator writes these in SDKs). */
import {
  createRuntime,
  type ApiError,
  type ApiSpec,
  type ClientOptions,
  type Endpoint,
  type LazyOperationSpec,
  type Logger,
  type OperationSpec,
  type OptionalArgsEndpoint,
  type OptionalArgsPaginatedEndpoint,
  type PaginatedEndpoint,
  type ParamSpec,
} from "../../runtime/index.js";
import * as features from "../../runtime/features.js";

export function operation(spec: Partial<OperationSpec> & Pick<OperationSpec, "path">): OperationSpec {
  return { id: "testOperation", method: "GET", params: [], responses: { "200": { kind: "json" } }, ...spec };
}

export function param(name: string, location: ParamSpec["in"], extra: Partial<ParamSpec> = {}): ParamSpec {
  const style = location === "query" || location === "cookie" ? "form" : "simple";
  return { name, in: location, style, explode: style === "form", ...extra };
}

/** Every runtime feature, which generated SDKs pass in only when their spec needs it (see `RuntimeFeatures`). */
export const everyFeature = features;

export const testApi: ApiSpec = { title: "Test API", securitySchemes: {}, features };

/**
 * The runtime with its endpoints typed by the test, as a generated `Client` property types them
 * (the runtime's own are typed open: see `Runtime`).
 */
export interface TypedRuntime {
  endpoint<A extends object, R, E extends ApiError = ApiError>(operation: LazyOperationSpec): Endpoint<A, R, E>;
  optionalEndpoint<A extends object, R, E extends ApiError = ApiError>(operation: LazyOperationSpec): OptionalArgsEndpoint<A, R, E>;
  paginatedEndpoint<A extends object, P, I, E extends ApiError = ApiError>(operation: LazyOperationSpec): PaginatedEndpoint<A, P, I, E>;
  optionalPaginatedEndpoint<A extends object, P, I, E extends ApiError = ApiError>(operation: LazyOperationSpec): OptionalArgsPaginatedEndpoint<A, P, I, E>;
}

/**
 * A runtime against `baseUrl` that fails fast: no retry waits worth mentioning, nothing logged.
 * With every runtime feature, which generated SDKs pass in only when their spec needs it.
 */
export function runtimeFor<Auth extends object = Record<string, never>>(baseUrl: string, options: ClientOptions<Auth> = {}, api: ApiSpec = testApi): TypedRuntime {
  return createRuntime<Auth>({ logLevel: "off", retry: { baseDelay: 1 }, ...options, baseUrl: options.baseUrl ?? baseUrl }, { features, ...api });
}

/** A logger that keeps its lines, by level. */
export function memoryLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string) => {
    lines.push(`${level} ${message}`);
  };
  return { lines, debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
}

/**
 * What generated SDKs import: the public surface (see public.ts), and what their own modules need
 * besides (createRuntime, the operation specs' types). Everything else in this folder is internal
 * and may change between versions.
 */
export * from "./public.js";

export { createRuntime, type Runtime } from "./runtime.js";
export { createCore } from "./core.js";
export { operationFunc, type OperationValidators } from "./funcs.js";
export { paginatedOperationFunc } from "./paginated-funcs.js";
export { ownProperties } from "./own-properties.js";
export type { FetchFunction, HeadersRecord, Hooks, WithoutValidators } from "./options.js";
export type { BasicCredentials } from "./auth/credentials.js";

export type { ApiSpec } from "./api-spec.js";
export type {
  BodyKind,
  BodySpec,
  CursorPaginationSpec,
  FieldPath,
  HttpMethod,
  StandardMethod,
  LazyOperationSpec,
  LinkHeaderPaginationSpec,
  NextUrlPaginationSpec,
  OffsetPaginationSpec,
  OperationSpec,
  PagePaginationSpec,
  PaginationSpec,
  ParamLocation,
  ParamSpec,
  ParamStyle,
  PartEncoding,
  ResponseKind,
  ResponseSpec,
  SecurityRequirement,
  SecuritySchemeSpec,
  ValueSource,
} from "./operation.js";

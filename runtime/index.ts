/**
 * The runtime's public surface: what generated SDKs import and re-export. Everything else in this
 * folder is internal and may change between versions.
 */
export { createRuntime, type Runtime } from "./runtime.js";
export type { Endpoint, OptionalArgsEndpoint } from "./endpoint.js";
export type { OptionalArgsPaginatedEndpoint, PaginatedEndpoint } from "./pagination/paginated-endpoint.js";
export type { ApiPage, PaginateOptions } from "./pagination/walk.js";
export type { ApiResponse } from "./response/api-response.js";
export type {
  CallOptions,
  ClientOptions,
  FetchFunction,
  HeadersRecord,
  Hooks,
  Logger,
  LogLevel,
  RetryOptions,
  ValidationMode,
} from "./options.js";
export type {
  ApiKeyCredential,
  BasicCredential,
  BasicCredentials,
  ClientCredentials,
  OAuth2Credential,
  TokenCredential,
} from "./auth/credentials.js";

export { ownProperties } from "./own-properties.js";
export type { Unlisted, UnlistedTag, UnlistedVariant } from "./unlisted.js";

export { CallError, SdkError } from "./errors/sdk-error.js";
export { ApiError } from "./errors/api-error.js";
export { TimeoutError } from "./errors/timeout-error.js";
export { ConnectionError } from "./errors/connection-error.js";
export { ResponseValidationError } from "./errors/response-validation-error.js";
export { RequestValidationError } from "./errors/request-validation-error.js";
export { AuthenticationError } from "./errors/authentication-error.js";
export { PaginationError } from "./errors/pagination-error.js";
export type { ValidationIssue } from "./errors/format-issues.js";

export type {
  ApiSpec,
  BodyKind,
  BodySpec,
  CursorPaginationSpec,
  FieldPath,
  HttpMethod,
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

/**
 * The runtime's public surface: exactly what every SDK's index.ts re-exports, and the names a
 * generated type may not take. A name exported here is public in every SDK generated next, with
 * no change to the generator, which reads this file: keep to `export { … } from` and
 * `export type { … } from` statements.
 */
export { ApiError } from "./errors/api-error.js";
export { AuthenticationError } from "./errors/authentication-error.js";
export { ConnectionError } from "./errors/connection-error.js";
export { PaginationError } from "./errors/pagination-error.js";
export { RequestValidationError } from "./errors/request-validation-error.js";
export { ResponseValidationError } from "./errors/response-validation-error.js";
export { CallError, SdkError } from "./errors/sdk-error.js";
export { TimeoutError } from "./errors/timeout-error.js";
export type { ValidationIssue } from "./errors/format-issues.js";

export type { ApiKeyCredential, BasicCredential, ClientCredentials, OAuth2Credential, TokenCredential } from "./auth/credentials.js";
export type { Endpoint, OptionalArgsEndpoint } from "./endpoint.js";
export type { ClientCore } from "./core.js";
export type { OperationFunc, OptionalArgsOperationFunc } from "./funcs.js";
export type { OptionalArgsPaginatedOperationFunc, PaginatedOperationFunc } from "./paginated-funcs.js";
export type { CallOptions, ClientOptions, Logger, LogLevel, RetryOptions, ValidationMode } from "./options.js";
export type { OptionalArgsPaginatedEndpoint, PaginatedEndpoint } from "./pagination/paginated-endpoint.js";
export type { ApiPage, PaginateOptions } from "./pagination/walk.js";
export type { ApiResponse } from "./response/api-response.js";
export { Stream } from "./streaming/stream.js";
export type { ServerSentEvent } from "./streaming/sse-parser.js";
export type { Unlisted, UnlistedTag, UnlistedVariant } from "./unlisted.js";

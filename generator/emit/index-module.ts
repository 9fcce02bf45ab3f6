import type { Statement } from "./code/module.js";
import type { EmitContext } from "./context.js";

/** The runtime's public surface, re-exported by every SDK's index.ts. */
const RUNTIME_VALUES = [
  "ApiError",
  "AuthenticationError",
  "ConnectionError",
  "PaginationError",
  "RequestValidationError",
  "ResponseValidationError",
  "SdkError",
  "TimeoutError",
];
const RUNTIME_TYPES = [
  "ApiKeyCredential",
  "ApiPage",
  "ApiResponse",
  "BasicCredential",
  "CallOptions",
  "ClientCredentials",
  "ClientOptions",
  "Endpoint",
  "Logger",
  "LogLevel",
  "OAuth2Credential",
  "OptionalArgsEndpoint",
  "OptionalArgsPaginatedEndpoint",
  "PaginatedEndpoint",
  "PaginateOptions",
  "RetryOptions",
  "TokenCredential",
  "Unlisted",
  "UnlistedTag",
  "UnlistedVariant",
  "ValidationIssue",
  "ValidationMode",
];

/** `index.ts`: createClient, every type and validator, and the runtime's errors and options. */
export function indexModule(ctx: EmitContext): Statement[] {
  return [
    { s: "exportFrom", from: "./client.js", names: [{ name: "createClient" }, { name: "Auth", typeOnly: true }, { name: "Client", typeOnly: true }] },
    { s: "exportFrom", from: ctx.runtimeModule(), names: [...RUNTIME_VALUES.map((name) => ({ name })), ...RUNTIME_TYPES.map((name) => ({ name, typeOnly: true }))] },
    ...(ctx.model.schemas.length > 0 ? [{ s: "exportAll", from: "./schemas.js" } as const] : []),
    { s: "exportAll", typeOnly: true, from: "./types.js" },
  ];
}

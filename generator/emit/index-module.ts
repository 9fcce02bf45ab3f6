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

/**
 * `index.ts`: createClient, every type, and the runtime's errors and options. Validators are
 * imported from schemas.ts itself: re-exported here, importing the SDK would parse all of them.
 */
export function indexModule(ctx: EmitContext): Statement[] {
  return [
    { s: "exportFrom", from: "./client.js", names: [{ name: "createClient" }, { name: "Auth", typeOnly: true }, { name: "Client", typeOnly: true }] },
    { s: "exportFrom", from: ctx.runtimeModule(), names: [...RUNTIME_VALUES.map((name) => ({ name })), ...RUNTIME_TYPES.map((name) => ({ name, typeOnly: true }))] },
    { s: "exportAll", typeOnly: true, from: "./types.js" },
    ...webhookExports(ctx),
  ];
}

/** An SDK with webhooks also exports their event type and verification error (see emit/webhooks.ts). */
function webhookExports(ctx: EmitContext): Statement[] {
  if (ctx.model.webhooks.length === 0) return [];
  return [
    { s: "exportFrom", from: "./webhooks.js", names: [{ name: "createWebhooks" }, { name: "WebhookEvent", typeOnly: true }] },
    {
      s: "exportFrom",
      from: ctx.runtimeModule("webhooks/index.js"),
      names: [{ name: "WebhookVerificationError" }, ...["RawBody", "SignatureScheme", "UnwrapOptions", "WebhookFailure", "WebhookHeaders", "Webhooks"].map((name) => ({ name, typeOnly: true }))],
    },
  ];
}

/**
 * The webhooks part of the runtime's public surface: what an SDK with webhooks imports and
 * re-exports (from its webhooks.ts and index.ts), and what its testing kit signs requests with.
 */
export { WebhookHeaderError, WebhookVerificationError, type WebhookFailure } from "./webhook-verification-error.js";
export { verifyWebhook, DEFAULT_TOLERANCE_SECONDS, type VerifyWebhookOptions } from "./verify.js";
export { signWebhook, type SignWebhookOptions } from "./sign.js";
export { bindWebhooks, type DeclaredHeaders, type UnwrapOptions, type WebhookClientOptions, type Webhooks, type WebhooksSpec, type WebhookValidator } from "./unwrap.js";
export type { SignatureScheme } from "./schemes.js";
export type { RawBody } from "./bytes.js";
export type { WebhookHeaders } from "./headers.js";
export { webhookSigner, type SignedWebhook, type SignerOptions, type WebhookSigner } from "./signer.js";

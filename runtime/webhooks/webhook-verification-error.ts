import type { ValidationIssue } from "../errors/format-issues.js";
import { formatIssues } from "../errors/format-issues.js";
import { SdkError } from "../errors/sdk-error.js";

/** Which check an incoming webhook failed. */
export type WebhookFailure =
  /** A header the signature scheme needs is absent. */
  | "missing-header"
  /** A signature or timestamp header is present but malformed. */
  | "invalid-header"
  /** No signature in the request matches the body under any of the secrets. */
  | "bad-signature"
  /** The signed timestamp is older than the tolerance. */
  | "stale-timestamp"
  /** The signed timestamp is further in the future than the tolerance. */
  | "future-timestamp"
  /** `isReplay` says the message id was handled before. */
  | "replayed"
  /** The body is larger than `maxBodySize`. */
  | "payload-too-large"
  /** The verified body is not JSON, or does not match the webhook's schema. */
  | "invalid-payload"
  /** The verified body is not one of the API's webhooks. */
  | "unknown-webhook"
  /** A secret given to the SDK cannot be used (empty, or not base64 after `whsec_`). */
  | "invalid-secret";

export interface WebhookVerificationErrorInit {
  readonly reason: WebhookFailure;
  /** What failed, in words. Must never hold a secret or the payload. */
  readonly detail: string;
  readonly issues?: readonly ValidationIssue[];
}

/**
 * An incoming webhook was rejected: `reason` says which check failed. The message names the check
 * and the header involved, never a secret, a signature or the payload; for an `invalid-payload`
 * that does not match its schema, `issues` locate each mismatch.
 */
export class WebhookVerificationError extends SdkError {
  override readonly name: string = "WebhookVerificationError";
  readonly reason: WebhookFailure;
  readonly issues: readonly ValidationIssue[];

  constructor(init: WebhookVerificationErrorInit) {
    const issues = init.issues ?? [];
    super(`webhook rejected (${init.reason}): ${init.detail}${issues.length > 0 ? `: ${formatIssues(issues)}` : ""}`);
    this.reason = init.reason;
    this.issues = issues;
  }
}

export interface WebhookHeaderErrorInit extends WebhookVerificationErrorInit {
  readonly reason: "missing-header" | "invalid-header";
  /** The header as the scheme or the spec spells it. */
  readonly header: string;
}

/**
 * A header is absent or malformed: one the signature scheme reads, or one the webhook declares
 * (`header` names it; its value is never echoed).
 */
export class WebhookHeaderError extends WebhookVerificationError {
  override readonly name = "WebhookHeaderError";
  declare readonly reason: "missing-header" | "invalid-header";
  readonly header: string;

  constructor(init: WebhookHeaderErrorInit) {
    super(init);
    this.header = init.header;
  }
}

import { bodyBytes, type RawBody } from "./bytes.js";
import type { WebhookHeaders } from "./headers.js";
import { bytesEqual, hmacSha256 } from "./hmac.js";
import { schemeImplementation, type SignatureScheme } from "./schemes.js";
import { WebhookVerificationError } from "./webhook-verification-error.js";

/** Five minutes, as Standard Webhooks and Stripe advise. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface VerifyWebhookOptions {
  /** The signing secret, or several while one is being rotated out: a signature under any of them is accepted. */
  readonly secret: string | readonly string[];
  /** Default: `{ scheme: "standard" }`. */
  readonly scheme?: SignatureScheme;
  /** How far (seconds) a signed timestamp may lie in the past or the future. Default 300. */
  readonly tolerance?: number;
  /** The largest body accepted, in bytes; larger ones are rejected before any hashing. */
  readonly maxBodySize?: number;
  /**
   * Called with the message id of a verified, timely Standard Webhooks delivery; return true if
   * that id was handled before, to reject the delivery as `replayed` (remember ids for at least
   * the tolerance: older deliveries are rejected as stale anyway). Other schemes sign no id.
   */
  readonly isReplay?: (id: string) => boolean | Promise<boolean>;
}

/**
 * Checks that `body` is exactly what the sender signed, with one of the secrets, recently enough,
 * and returns its bytes. Every failure is a `WebhookVerificationError` whose `reason` says which
 * check failed. A forged request is always `bad-signature`: the timestamp is checked only once the
 * signature holds, so `stale-timestamp` means a genuine but late (or replayed) delivery.
 */
export async function verifyWebhook(body: RawBody, headers: WebhookHeaders, options: VerifyWebhookOptions): Promise<Uint8Array<ArrayBuffer>> {
  const scheme = schemeImplementation(options.scheme ?? { scheme: "standard" });
  const { maxBodySize } = options;
  // Bytes given are measured before they are copied; text, once encoded.
  if (maxBodySize !== undefined && typeof body !== "string" && body.byteLength > maxBodySize) throw payloadTooLarge(maxBodySize);
  const bytes = bodyBytes(body);
  if (maxBodySize !== undefined && bytes.byteLength > maxBodySize) throw payloadTooLarge(maxBodySize);
  const secrets = typeof options.secret === "string" ? [options.secret] : options.secret;
  if (secrets.length === 0) throw new WebhookVerificationError({ reason: "invalid-secret", detail: "no secret was given" });
  const keys = secrets.map((secret) => scheme.key(secret));
  const claimed = scheme.read(headers);
  const signed = scheme.signed(bytes, { id: claimed.id, timestamp: claimed.timestamp ?? 0 });
  let matched = false;
  for (const key of keys) {
    const expected = await hmacSha256(key, signed);
    // Every claimed signature is compared, matching or not, so the time taken says nothing about which matched.
    for (const signature of claimed.signatures) matched = bytesEqual(expected, signature) || matched;
  }
  if (!matched) throw new WebhookVerificationError({ reason: "bad-signature", detail: "no signature on the request matches the body under the secret" });
  if (claimed.timestamp !== undefined) checkTimestamp(claimed.timestamp, options.tolerance ?? DEFAULT_TOLERANCE_SECONDS);
  if (claimed.id !== "" && options.isReplay !== undefined && (await options.isReplay(claimed.id))) {
    throw new WebhookVerificationError({ reason: "replayed", detail: "this message id was delivered before" });
  }
  return bytes;
}

export function payloadTooLarge(maxBodySize: number): WebhookVerificationError {
  return new WebhookVerificationError({ reason: "payload-too-large", detail: `the body is larger than maxBodySize (${maxBodySize} bytes)` });
}

function checkTimestamp(timestamp: number, tolerance: number): void {
  const now = Math.floor(Date.now() / 1000);
  if (now - timestamp > tolerance) {
    throw new WebhookVerificationError({ reason: "stale-timestamp", detail: `the signed timestamp is ${now - timestamp} s old, more than the tolerance of ${tolerance} s` });
  }
  if (timestamp - now > tolerance) {
    throw new WebhookVerificationError({ reason: "future-timestamp", detail: `the signed timestamp is ${timestamp - now} s in the future, more than the tolerance of ${tolerance} s` });
  }
}

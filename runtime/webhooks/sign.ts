import { bodyBytes, type RawBody } from "./bytes.js";
import { hmacSha256 } from "./hmac.js";
import { schemeImplementation, type SignatureScheme } from "./schemes.js";

export interface SignWebhookOptions {
  readonly secret: string;
  /** Default: `{ scheme: "standard" }`. */
  readonly scheme?: SignatureScheme;
  /** Unix seconds to sign with, for schemes that carry a time. Default: now. */
  readonly timestamp?: number;
  /** The message id, for Standard Webhooks. Default: `msg_` and a random UUID. */
  readonly id?: string;
}

/** The headers a sender of `body` would set: what tests need to call a webhook handler as the real sender does. */
export async function signWebhook(body: RawBody, options: SignWebhookOptions): Promise<Record<string, string>> {
  const scheme = schemeImplementation(options.scheme ?? { scheme: "standard" });
  const context = { id: options.id ?? `msg_${crypto.randomUUID()}`, timestamp: options.timestamp ?? Math.floor(Date.now() / 1000) };
  const signature = await hmacSha256(scheme.key(options.secret), scheme.signed(bodyBytes(body), context));
  return scheme.headers(signature, context);
}

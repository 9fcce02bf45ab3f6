import type { WebhookSignature } from "../model/model.js";

/** The `webhookSignature` option of `generate()`: `x-webhook-signature`'s shape, `encoding` defaulting to hex. */
export type WebhookSignatureOption =
  | { readonly scheme: "standard" | "github" | "stripe" }
  | { readonly scheme: "hmac"; readonly header: string; readonly encoding?: "hex" | "base64"; readonly prefix?: string };

export function webhookSignatureOf(option: WebhookSignatureOption): WebhookSignature {
  return option.scheme === "hmac" ? { ...option, encoding: option.encoding ?? "hex" } : { scheme: option.scheme };
}

import { check } from "../response/validate.js";
import { signWebhook, type SignWebhookOptions } from "./sign.js";
import type { WebhooksSpec, WebhookValidator } from "./unwrap.js";
import { WebhookVerificationError } from "./webhook-verification-error.js";

/** A signed webhook delivery, shaped as fetch's `RequestInit`: `fetch(url, signed)`, `new Request(url, signed)`. */
export interface SignedWebhook {
  readonly method: "POST";
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** `mock.webhooks` in an SDK's testing kit: builds the requests the API's real sender would. */
export interface WebhookSigner<Event extends { readonly name: string; readonly payload: unknown }> {
  /**
   * Signs `payload` as webhook `name`, with the spec's signature scheme unless `options.scheme`
   * names another. The payload is checked against the webhook's schema first, so a test cannot
   * send what the API never would: a mismatch throws `WebhookVerificationError` (`invalid-payload`).
   */
  sign<Name extends Event["name"]>(name: Name, payload: Extract<Event, { readonly name: Name }>["payload"], options: SignerOptions): Promise<SignedWebhook>;
}

export interface SignerOptions extends SignWebhookOptions {
  /** Headers the sender adds beside the signature's, such as those the webhook declares (`X-Shop-Domain`). */
  readonly headers?: Readonly<Record<string, string>>;
}

export function webhookSigner<Event extends { readonly name: string; readonly payload: unknown }>(spec: WebhooksSpec): WebhookSigner<Event> {
  let module: Promise<object> | undefined;
  return {
    async sign(name, payload, options) {
      const body = JSON.stringify(payload) as string | undefined;
      if (body === undefined) throw new WebhookVerificationError({ reason: "invalid-payload", detail: `the ${name} payload to sign is not JSON` });
      const exported = new Map(spec.validators).get(name);
      if (exported !== undefined && spec.loadValidators !== undefined) {
        module ??= spec.loadValidators();
        // The generator names only exports of schemas.ts, each a zod schema.
        const validator = ((await module) as Readonly<Record<string, WebhookValidator | undefined>>)[exported];
        // Checked as the receiver will see it: parsed from the JSON text (Dates become strings).
        const result = validator === undefined ? undefined : check(validator, JSON.parse(body));
        if (result?.ok === false) throw new WebhookVerificationError({ reason: "invalid-payload", detail: `the ${name} payload to sign does not match its schema`, issues: result.issues });
      }
      const { headers: _extra, ...signing } = options;
      const headers = await signWebhook(body, { ...signing, scheme: options.scheme ?? spec.scheme ?? { scheme: "standard" } });
      return { method: "POST", body, headers: { "content-type": "application/json", ...options.headers, ...headers } };
    },
  };
}

import { concatBytes, fromBase64, fromHex, toBase64, toHex, utf8 } from "./bytes.js";
import { headerValue, type WebhookHeaders } from "./headers.js";
import { WebhookHeaderError, WebhookVerificationError } from "./webhook-verification-error.js";

/**
 * How the sender signs its webhooks:
 * - `standard`: [Standard Webhooks](https://www.standardwebhooks.com) (Svix and others):
 *   `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64> …`, `whsec_<base64>` secrets.
 * - `github`: `X-Hub-Signature-256: sha256=<hex>` over the body; no timestamp.
 * - `stripe`: `Stripe-Signature: t=<seconds>,v1=<hex>,…` over `<t>.<body>`.
 * - `hmac`: HMAC-SHA256 over the body in the named header, `hex` (default) or `base64`, after an
 *   optional prefix such as `sha256=`; no timestamp.
 */
export type SignatureScheme =
  | { readonly scheme: "standard" }
  | { readonly scheme: "github" }
  | { readonly scheme: "stripe" }
  | { readonly scheme: "hmac"; readonly header: string; readonly encoding?: "hex" | "base64"; readonly prefix?: string };

/** What the sender chose: a message id and a time (Unix seconds), where the scheme has them. */
export interface SigningContext {
  readonly id: string;
  readonly timestamp: number;
}

/** What a request claims: the signatures it carries, and its id and time if the scheme has them. */
export interface ClaimedSignatures {
  readonly signatures: readonly Uint8Array[];
  readonly id: string;
  readonly timestamp: number | undefined;
}

export interface SchemeImplementation {
  /** The HMAC key a secret stands for; throws `invalid-secret` for one that cannot be a key. */
  key(secret: string): Uint8Array<ArrayBuffer>;
  /** Reads the request's signature headers; throws `missing-header` or `invalid-header`. */
  read(headers: WebhookHeaders): ClaimedSignatures;
  /** The bytes the HMAC covers. */
  signed(body: Uint8Array<ArrayBuffer>, context: SigningContext): Uint8Array<ArrayBuffer>;
  /** The headers a sender sets, given the HMAC of `signed(body, context)`. */
  headers(signature: Uint8Array, context: SigningContext): Record<string, string>;
}

const STANDARD_SECRET_PREFIX = "whsec_";

export function schemeImplementation(scheme: SignatureScheme): SchemeImplementation {
  switch (scheme.scheme) {
    case "standard":
      return standard;
    case "github":
      return bodyHmac("X-Hub-Signature-256", "hex", "sha256=");
    case "stripe":
      return stripe;
    case "hmac":
      return bodyHmac(scheme.header, scheme.encoding ?? "hex", scheme.prefix ?? "");
  }
}

const standard: SchemeImplementation = {
  key(secret) {
    const encoded = secret.startsWith(STANDARD_SECRET_PREFIX) ? secret.slice(STANDARD_SECRET_PREFIX.length) : secret;
    const key = fromBase64(encoded);
    if (key === undefined || key.byteLength === 0) throw failure("invalid-secret", `a Standard Webhooks secret is ${STANDARD_SECRET_PREFIX} followed by a non-empty base64 key`);
    return key;
  },
  read(headers) {
    const id = required(headers, "webhook-id");
    const timestamp = seconds(required(headers, "webhook-timestamp"), "webhook-timestamp");
    const signatures = required(headers, "webhook-signature")
      .split(/\s+/)
      .flatMap((entry) => {
        const [version, encoded] = entry.split(",", 2);
        const signature = version === "v1" && encoded !== undefined ? fromBase64(encoded) : undefined;
        return signature === undefined ? [] : [signature];
      });
    return { signatures, id, timestamp };
  },
  signed: (body, { id, timestamp }) => concatBytes(utf8(`${id}.${timestamp}.`), body),
  headers: (signature, { id, timestamp }) => ({
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": `v1,${toBase64(signature)}`,
  }),
};

const stripe: SchemeImplementation = {
  key: textKey,
  read(headers) {
    const fields = required(headers, "Stripe-Signature")
      .split(",")
      .map((field) => field.trim().split("=", 2));
    const t = fields.find(([name]) => name === "t")?.[1];
    if (t === undefined) throw headerFailure("invalid-header", "Stripe-Signature", "Stripe-Signature has no t= timestamp");
    const timestamp = seconds(t, "Stripe-Signature");
    const signatures = fields.flatMap(([name, value]) => {
      const signature = name === "v1" && value !== undefined ? fromHex(value) : undefined;
      return signature === undefined ? [] : [signature];
    });
    return { signatures, id: "", timestamp };
  },
  signed: (body, { timestamp }) => concatBytes(utf8(`${timestamp}.`), body),
  headers: (signature, { timestamp }) => ({ "Stripe-Signature": `t=${timestamp},v1=${toHex(signature)}` }),
};

function bodyHmac(header: string, encoding: "hex" | "base64", prefix: string): SchemeImplementation {
  return {
    key: textKey,
    read(headers) {
      const value = required(headers, header).trim();
      if (!value.startsWith(prefix)) throw headerFailure("invalid-header", header, `${header} does not start with ${prefix}`);
      const encoded = value.slice(prefix.length);
      const signature = encoding === "hex" ? fromHex(encoded) : fromBase64(encoded);
      return { signatures: signature === undefined ? [] : [signature], id: "", timestamp: undefined };
    },
    signed: (body) => body,
    headers: (signature) => ({ [header]: prefix + (encoding === "hex" ? toHex(signature) : toBase64(signature)) }),
  };
}

/** Secrets of the vendor schemes are used as text, `whsec_` and all (as Stripe does). */
function textKey(secret: string): Uint8Array<ArrayBuffer> {
  if (secret === "") throw failure("invalid-secret", "the secret is empty");
  return utf8(secret);
}

function required(headers: WebhookHeaders, name: string): string {
  const value = headerValue(headers, name);
  if (value === undefined || value === "") throw headerFailure("missing-header", name, `the request has no ${name} header`);
  return value;
}

/** Unix seconds, as decimal digits only (no sign, fraction or exponent that a number parser would allow). */
function seconds(text: string, header: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,15}$/.test(trimmed)) throw headerFailure("invalid-header", header, `${header} is not a Unix timestamp in seconds`);
  return Number(trimmed);
}

function failure(reason: "invalid-secret", detail: string): WebhookVerificationError {
  return new WebhookVerificationError({ reason, detail });
}

function headerFailure(reason: "missing-header" | "invalid-header", header: string, detail: string): WebhookHeaderError {
  return new WebhookHeaderError({ reason, header, detail });
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SignatureScheme } from "../../../runtime/webhooks/schemes.js";
import { signWebhook } from "../../../runtime/webhooks/sign.js";
import { verifyWebhook } from "../../../runtime/webhooks/verify.js";
import { WebhookVerificationError } from "../../../runtime/webhooks/webhook-verification-error.js";

const SECRET = "whsec_" + btoa("fuzzing secret");
const schemes: readonly SignatureScheme[] = [
  { scheme: "standard" },
  { scheme: "github" },
  { scheme: "stripe" },
  { scheme: "hmac", header: "X-Signature", encoding: "base64", prefix: "v=" },
];
const headerNames = ["webhook-id", "webhook-timestamp", "webhook-signature", "X-Hub-Signature-256", "Stripe-Signature", "X-Signature", "x-other"];

const body = fc.oneof(fc.string(), fc.uint8Array({ maxLength: 256 }));
/** Header values near the real formats, so the fuzzer reaches the parsers' edges rather than only "missing". */
const hex = fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF") });
const headerValue = fc.oneof(
  fc.string(),
  fc.string().map((text) => `v1,${text}`),
  fc.base64String().map((text) => `v1,${text} v1,${text}`),
  hex.map((hex) => `sha256=${hex}`),
  fc.tuple(fc.integer(), hex).map(([t, hex]) => `t=${t},v1=${hex}`),
  fc.integer({ min: 0 }).map((n) => String(Math.floor(Date.now() / 1000) + (n % 600) - 300)),
);
const anyHeaders = fc.dictionary(fc.constantFrom(...headerNames), headerValue);
/** Every header every scheme needs, well-formed and current, with a random 32-byte signature: only the HMAC check stands in the way. */
const forgedHeaders = fc.tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.integer({ min: -200, max: 200 })).map(([signature, skew]) => {
  const t = Math.floor(Date.now() / 1000) + skew;
  const hexSignature = Buffer.from(signature).toString("hex");
  const base64Signature = Buffer.from(signature).toString("base64");
  return {
    "webhook-id": "msg_forged",
    "webhook-timestamp": String(t),
    "webhook-signature": `v1,${base64Signature}`,
    "X-Hub-Signature-256": `sha256=${hexSignature}`,
    "Stripe-Signature": `t=${t},v1=${hexSignature}`,
    "X-Signature": `v=${base64Signature}`,
  };
});
const headers = fc.oneof(anyHeaders, forgedHeaders);
const scheme = fc.constantFrom(...schemes);

async function outcome(promise: Promise<unknown>): Promise<"accepted" | WebhookVerificationError> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error;
    throw error;
  }
}

describe("verifyWebhook under random input", () => {
  it("throws nothing but WebhookVerificationError, and never accepts a body the secret did not sign", async () => {
    await fc.assert(
      fc.asyncProperty(body, headers, scheme, fc.option(fc.integer({ min: 0, max: 512 }), { nil: undefined }), async (raw, given, chosen, maxBodySize) => {
        const result = await outcome(verifyWebhook(raw, given, { secret: SECRET, scheme: chosen, ...(maxBodySize !== undefined && { maxBodySize }) }));
        expect(result).not.toBe("accepted");
      }),
      { numRuns: 400 },
    );
  });

  it("accepts every correctly signed body, and rejects it once a byte changes or the secret differs", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 256 }), scheme, fc.nat(), fc.integer({ min: 1, max: 255 }), async (raw, chosen, at, flip) => {
        const signed = await signWebhook(raw, { secret: SECRET, scheme: chosen });
        expect(await outcome(verifyWebhook(raw, signed, { secret: SECRET, scheme: chosen }))).toBe("accepted");
        const tampered = raw.slice();
        const index = at % tampered.length;
        tampered[index] = (tampered[index] ?? 0) ^ flip;
        const wrongBody = await outcome(verifyWebhook(tampered, signed, { secret: SECRET, scheme: chosen }));
        expect(wrongBody).toBeInstanceOf(WebhookVerificationError);
        expect((wrongBody as WebhookVerificationError).reason).toBe("bad-signature");
        const wrongSecret = await outcome(verifyWebhook(raw, signed, { secret: SECRET + "x", scheme: chosen }));
        expect(wrongSecret).toBeInstanceOf(WebhookVerificationError);
      }),
      { numRuns: 200 },
    );
  });
});

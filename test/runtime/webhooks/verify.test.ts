import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SdkError } from "../../../runtime/errors/sdk-error.js";
import type { SignatureScheme } from "../../../runtime/webhooks/schemes.js";
import { signWebhook } from "../../../runtime/webhooks/sign.js";
import { verifyWebhook, type VerifyWebhookOptions } from "../../../runtime/webhooks/verify.js";
import { WebhookVerificationError, type WebhookFailure } from "../../../runtime/webhooks/webhook-verification-error.js";

/** The Standard Webhooks test vector (standard-webhooks/libraries/javascript/src/webhook.test.ts, "sign function works"). */
const vector = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const vectorHeaders = { "webhook-id": vector.id, "webhook-timestamp": String(vector.timestamp), "webhook-signature": vector.signature };

const now = () => Math.floor(Date.now() / 1000);

async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(error).toBeInstanceOf(SdkError);
  return error as WebhookVerificationError;
}

async function rejectsWith(reason: WebhookFailure, body: string | Uint8Array, headers: Record<string, string>, options: VerifyWebhookOptions): Promise<void> {
  expect((await rejection(verifyWebhook(body, headers, options))).reason).toBe(reason);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Standard Webhooks verification", () => {
  it("accepts the specification's published test vector at its time", async () => {
    vi.useFakeTimers({ now: vector.timestamp * 1000, toFake: ["Date"] });
    const bytes = await verifyWebhook(vector.body, vectorHeaders, { secret: vector.secret });
    expect(new TextDecoder().decode(bytes)).toBe(vector.body);
  });

  it("produces the published test vector's signature when signing", async () => {
    const headers = await signWebhook(vector.body, { secret: vector.secret, id: vector.id, timestamp: vector.timestamp });
    expect(headers).toEqual(vectorHeaders);
  });

  it("accepts the secret with and without its whsec_ prefix", async () => {
    vi.useFakeTimers({ now: vector.timestamp * 1000, toFake: ["Date"] });
    await verifyWebhook(vector.body, vectorHeaders, { secret: vector.secret.slice("whsec_".length) });
  });

  it("rejects the published vector five minutes and one second later as stale", async () => {
    vi.useFakeTimers({ now: (vector.timestamp + 301) * 1000, toFake: ["Date"] });
    await rejectsWith("stale-timestamp", vector.body, vectorHeaders, { secret: vector.secret });
  });

  it("accepts what the standardwebhooks package signs, and the package accepts what this signs", async () => {
    const library = new Webhook(vector.secret);
    const body = JSON.stringify({ type: "invoice.paid", data: { id: "in_1", amount: 4200, note: "ünïcödé ✓" } });
    const id = "msg_interop";
    const timestamp = now();
    const theirs = { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": library.sign(id, new Date(timestamp * 1000), body) };
    await verifyWebhook(body, theirs, { secret: vector.secret });
    const ours = await signWebhook(body, { secret: vector.secret, id, timestamp });
    expect(ours).toEqual(theirs);
    expect(library.verify(body, ours)).toEqual(JSON.parse(body));
  });

  it("accepts a header that lists several signatures when one of them matches", async () => {
    vi.useFakeTimers({ now: vector.timestamp * 1000, toFake: ["Date"] });
    const signatures = ["v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", vector.signature, "v1,not base64!"].join(" ");
    await verifyWebhook(vector.body, { ...vectorHeaders, "webhook-signature": signatures }, { secret: vector.secret });
  });

  it("verifies the exact bytes, whether given as a string, a Uint8Array or an ArrayBuffer", async () => {
    vi.useFakeTimers({ now: vector.timestamp * 1000, toFake: ["Date"] });
    const bytes = new TextEncoder().encode(vector.body);
    await verifyWebhook(bytes, vectorHeaders, { secret: vector.secret });
    await verifyWebhook(bytes.buffer, vectorHeaders, { secret: vector.secret });
    const offset = new Uint8Array(bytes.byteLength + 4);
    offset.set(bytes, 2);
    await verifyWebhook(offset.subarray(2, 2 + bytes.byteLength), vectorHeaders, { secret: vector.secret });
    // Re-serialised JSON is a different byte string: a verifier must never re-encode the body.
    await rejectsWith("bad-signature", JSON.stringify(JSON.parse(vector.body)), vectorHeaders, { secret: vector.secret });
  });

  it("rejects a tampered body, a wrong secret and a truncated signature as bad-signature", async () => {
    vi.useFakeTimers({ now: vector.timestamp * 1000, toFake: ["Date"] });
    await rejectsWith("bad-signature", vector.body.replace("2432232314", "2432232315"), vectorHeaders, { secret: vector.secret });
    await rejectsWith("bad-signature", vector.body, vectorHeaders, { secret: "whsec_" + btoa("another secret") });
    await rejectsWith("bad-signature", vector.body, { ...vectorHeaders, "webhook-signature": vector.signature.slice(0, 8) }, { secret: vector.secret });
    await rejectsWith("bad-signature", vector.body, { ...vectorHeaders, "webhook-signature": "v1," }, { secret: vector.secret });
    await rejectsWith("bad-signature", vector.body, { ...vectorHeaders, "webhook-id": "msg_other" }, { secret: vector.secret });
  });

  it("accepts either secret during a rotation, and neither when both are wrong", async () => {
    vi.useFakeTimers({ now: vector.timestamp * 1000, toFake: ["Date"] });
    const other = "whsec_" + btoa("the next secret");
    await verifyWebhook(vector.body, vectorHeaders, { secret: [other, vector.secret] });
    await verifyWebhook(vector.body, vectorHeaders, { secret: [vector.secret, other] });
    await rejectsWith("bad-signature", vector.body, vectorHeaders, { secret: [other, "whsec_" + btoa("a third")] });
  });

  it("rejects timestamps outside the tolerance, past and future, and honours a configured tolerance", async () => {
    const body = '{"a":1}';
    const secret = vector.secret;
    const at = async (offset: number) => signWebhook(body, { secret, timestamp: now() + offset });
    await rejectsWith("stale-timestamp", body, await at(-301), { secret });
    await rejectsWith("future-timestamp", body, await at(301), { secret });
    await verifyWebhook(body, await at(-290), { secret });
    await verifyWebhook(body, await at(290), { secret });
    await rejectsWith("stale-timestamp", body, await at(-61), { secret, tolerance: 60 });
    await verifyWebhook(body, await at(-3000), { secret, tolerance: 3600 });
  });

  it("names the missing header, and rejects a malformed timestamp", async () => {
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
      const headers: Record<string, string> = { ...vectorHeaders };
      delete headers[name];
      const error = await rejection(verifyWebhook(vector.body, headers, { secret: vector.secret }));
      expect(error.reason).toBe("missing-header");
      expect(error.message).toContain(name);
    }
    for (const timestamp of ["hello", "-5", "1e9", "16142653.30", ""]) {
      const reason = timestamp === "" ? "missing-header" : "invalid-header";
      await rejectsWith(reason, vector.body, { ...vectorHeaders, "webhook-timestamp": timestamp }, { secret: vector.secret });
    }
  });

  it("reads headers from a fetch Headers object and from node:http's record in any case", async () => {
    vi.useFakeTimers({ now: vector.timestamp * 1000, toFake: ["Date"] });
    await verifyWebhook(vector.body, new Headers(vectorHeaders), { secret: vector.secret });
    const shouting = Object.fromEntries(Object.entries(vectorHeaders).map(([name, value]) => [name.toUpperCase(), value]));
    await verifyWebhook(vector.body, shouting, { secret: vector.secret });
  });

  it("rejects a body over maxBodySize before looking at its signature", async () => {
    const body = "x".repeat(1025);
    await rejectsWith("payload-too-large", body, {}, { secret: vector.secret, maxBodySize: 1024 });
    await rejectsWith("payload-too-large", new TextEncoder().encode(body), {}, { secret: vector.secret, maxBodySize: 1024 });
    // Multi-byte characters count as the bytes they are.
    await rejectsWith("payload-too-large", "é".repeat(600), {}, { secret: vector.secret, maxBodySize: 1024 });
    await rejectsWith("missing-header", "x".repeat(1024), {}, { secret: vector.secret, maxBodySize: 1024 });
  });

  it("rejects unusable secrets as invalid-secret", async () => {
    await rejectsWith("invalid-secret", vector.body, vectorHeaders, { secret: [] });
    await rejectsWith("invalid-secret", vector.body, vectorHeaders, { secret: "whsec_" });
    await rejectsWith("invalid-secret", vector.body, vectorHeaders, { secret: "whsec_not*base64" });
  });

  it("never puts the secret, the signature or the body in its message", async () => {
    const secret = "whsec_" + btoa("top secret key material");
    const body = JSON.stringify({ card: "4242424242424242" });
    const headers = await signWebhook(body, { secret, timestamp: now() - 10_000 });
    for (const options of [{ secret }, { secret: "whsec_" + btoa("wrong") }]) {
      const error = await rejection(verifyWebhook(body, headers, options));
      for (const leak of [secret, secret.slice(6), "4242424242424242", headers["webhook-signature"]!.slice(3)]) expect(error.message).not.toContain(leak);
    }
  });
});

describe("GitHub verification", () => {
  const github: SignatureScheme = { scheme: "github" };

  it("accepts GitHub's documented example signature", async () => {
    const headers = { "X-Hub-Signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" };
    await verifyWebhook("Hello, World!", headers, { secret: "It's a Secret to Everybody", scheme: github });
    expect(await signWebhook("Hello, World!", { secret: "It's a Secret to Everybody", scheme: github })).toEqual(headers);
  });

  it("rejects a tampered body, a wrong secret, a missing header and a header without sha256=", async () => {
    const headers = { "x-hub-signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" };
    await rejectsWith("bad-signature", "Hello, World?", headers, { secret: "It's a Secret to Everybody", scheme: github });
    await rejectsWith("bad-signature", "Hello, World!", headers, { secret: "It's a secret to everybody", scheme: github });
    await rejectsWith("missing-header", "Hello, World!", { "x-hub-signature": "sha1=abc" }, { secret: "s", scheme: github });
    await rejectsWith("invalid-header", "Hello, World!", { "x-hub-signature-256": "757107ea" }, { secret: "s", scheme: github });
  });
});

describe("Stripe verification", () => {
  const stripe: SignatureScheme = { scheme: "stripe" };
  const secret = "whsec_test_secret";
  // Stripe's scheme, computed independently with node:crypto: HMAC-SHA256 of `${t}.${body}` under the secret's text, hex.
  const stripeSignature = (t: number, body: string, key = secret) => createHmac("sha256", key).update(`${t}.${body}`).digest("hex");

  it("accepts a Stripe-Signature with t= and v1=, ignoring v0= and other schemes", async () => {
    const body = '{"id":"evt_1","type":"payment_intent.succeeded"}';
    const t = now();
    await verifyWebhook(body, { "Stripe-Signature": `t=${t},v1=${stripeSignature(t, body)},v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39` }, { secret, scheme: stripe });
    await verifyWebhook(body, { "Stripe-Signature": `t=${t},v1=${"0".repeat(64)},v1=${stripeSignature(t, body)}` }, { secret, scheme: stripe });
    expect(await signWebhook(body, { secret, scheme: stripe, timestamp: t })).toEqual({ "Stripe-Signature": `t=${t},v1=${stripeSignature(t, body)}` });
  });

  it("rejects a signature made for another timestamp, a stale one and a header without t=", async () => {
    const body = "{}";
    const t = now();
    await rejectsWith("bad-signature", body, { "stripe-signature": `t=${t + 1},v1=${stripeSignature(t, body)}` }, { secret, scheme: stripe });
    await rejectsWith("stale-timestamp", body, { "stripe-signature": `t=${t - 400},v1=${stripeSignature(t - 400, body)}` }, { secret, scheme: stripe });
    await rejectsWith("invalid-header", body, { "stripe-signature": `v1=${stripeSignature(t, body)}` }, { secret, scheme: stripe });
  });
});

describe("generic HMAC-SHA256 verification", () => {
  it("reads a named header in hex or base64, after an optional prefix", async () => {
    const body = '{"event":"ping"}';
    const hex = createHmac("sha256", "k").update(body).digest("hex");
    const base64 = createHmac("sha256", "k").update(body).digest("base64");
    await verifyWebhook(body, { "X-Signature": hex }, { secret: "k", scheme: { scheme: "hmac", header: "X-Signature" } });
    await verifyWebhook(body, { "X-Signature": hex.toUpperCase() }, { secret: "k", scheme: { scheme: "hmac", header: "X-Signature" } });
    await verifyWebhook(body, { "x-sig": `sha256=${base64}` }, { secret: "k", scheme: { scheme: "hmac", header: "X-Sig", encoding: "base64", prefix: "sha256=" } });
    await rejectsWith("bad-signature", body, { "X-Signature": base64 }, { secret: "k", scheme: { scheme: "hmac", header: "X-Signature" } });
    await rejectsWith("invalid-header", body, { "X-Signature": hex }, { secret: "k", scheme: { scheme: "hmac", header: "X-Signature", prefix: "sha256=" } });
  });
});

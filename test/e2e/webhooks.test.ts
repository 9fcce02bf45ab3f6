/**
 * A webhook receiver built with a generated SDK, on a real node:http server on 127.0.0.1, and a
 * sender that signs with the `standardwebhooks` package (so the SDK is checked against an
 * independent implementation, not against itself). Validation runs with classic zod validators and,
 * for a subset, with an SDK generated with `zod: "mini"`.
 */
import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, SdkError, WebhookHeaderError, WebhookVerificationError, type WebhookEvent } from "../.out/sdk/webhooks/index.js";
import { createMockApi } from "../.out/sdk/webhooks/testing.js";
import * as mini from "../.out/sdk/webhooks-mini/index.js";
import * as miniKit from "../.out/sdk/webhooks-mini/testing.js";
import { sendJson, startServer, type TestServer } from "../support/http-server.js";

const CURRENT_SECRET = "whsec_" + Buffer.from("the current secret").toString("base64");
const OLD_SECRET = "whsec_" + Buffer.from("the secret being rotated out").toString("base64");

const warnings: string[] = [];
const api = createClient({ logger: { debug() {}, info() {}, warn: (line: string) => warnings.push(line), error() {} } });
const miniApi = mini.createClient({ logLevel: "off" });
const received: WebhookEvent[] = [];
const seenIds = new Set<string>();
let server: TestServer;

/** What a receiver does: 204 for a verified event, 400 with the failed check otherwise. */
beforeAll(async () => {
  server = await startServer(async (request, response) => {
    try {
      const validate = request.query.get("validate");
      const event = await (request.query.get("sdk") === "mini" ? miniApi : api).webhooks.unwrap(request.body, request.headers, {
        ...(validate === "warn" || validate === "off" ? { validate } : {}),
        secret: [CURRENT_SECRET, OLD_SECRET],
        maxBodySize: 4096,
        isReplay: (id) => {
          const seen = seenIds.has(id);
          seenIds.add(id);
          return seen;
        },
      });
      received.push(event);
      sendJson(response, 200, { name: event.name });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError || error instanceof mini.WebhookVerificationError)) throw error;
      const header = error instanceof WebhookHeaderError || error instanceof mini.WebhookHeaderError ? { header: error.header } : {};
      sendJson(response, 400, { reason: error.reason, message: error.message, ...header });
    }
  });
});
afterAll(() => server.close());

interface Delivery {
  readonly body?: string;
  readonly secret?: string;
  /** Seconds before now the sender signed it. */
  readonly age?: number;
  readonly tamper?: (body: string) => string;
  readonly drop?: string;
  /** Headers besides the signature's; the required X-Shop-Domain by default. */
  readonly extra?: Readonly<Record<string, string>>;
  /** `?validate=` for the receiver. */
  readonly validate?: "warn" | "off";
  /** The SDK the receiver unwraps with: the one with zod/mini validators, or by default the classic one. */
  readonly sdk?: Sdk;
}

type Sdk = "classic" | "mini";
const SDKS: readonly Sdk[] = ["classic", "mini"];

type Reply = { status: number; json: { name?: string; reason?: string; message?: string; header?: string } };

const adopted = { type: "pet.adopted", pet: { id: 7, name: "Rex", species: "dog" }, adoptedAt: "2026-05-01T10:00:00Z", adopter: { name: "Ann" } };

async function deliver({ body = JSON.stringify(adopted), secret = CURRENT_SECRET, age = 0, tamper, drop, extra = { "X-Shop-Domain": "north.example" }, validate, sdk = "classic", id = `msg_${Math.random().toString(36).slice(2)}` }: Delivery & { readonly id?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = {
    ...extra,
    "content-type": "application/json",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(Date.now() / 1000) - age),
    "webhook-signature": new Webhook(secret).sign(id, new Date((Math.floor(Date.now() / 1000) - age) * 1000), body),
  };
  if (drop !== undefined) delete headers[drop];
  const query = new URLSearchParams({ ...(validate && { validate }), ...(sdk === "mini" && { sdk }) }).toString();
  const response = await fetch(`${server.url}/hooks${query ? `?${query}` : ""}`, { method: "POST", headers, body: tamper ? tamper(body) : body });
  return { status: response.status, json: (await response.json()) as Reply["json"] };
}

describe("a webhook receiver built with the SDK", () => {
  it("accepts a signed event and hands it over typed by name", async () => {
    expect(await deliver()).toEqual({ status: 200, json: { name: "petAdopted" } });
    const event = received.at(-1);
    if (event?.name !== "petAdopted") throw new Error(`expected petAdopted, got ${event?.name}`);
    // Narrowed by name: the payload is PetAdopted.
    expect(event.payload.pet.name).toBe("Rex");
    expect(event.payload.adopter?.name).toBe("Ann");
  });

  it.each(SDKS)("tells the events apart by their type constant, callbacks included (%s validators)", async (sdk) => {
    expect((await deliver({ sdk, body: JSON.stringify({ type: "pet.created", pet: { id: 1, name: "Tom" } }) })).json.name).toBe("petCreated");
    expect((await deliver({ sdk, body: JSON.stringify({ type: "pet.status-changed", petId: 1, status: "reserved" }) })).json.name).toBe("subscribe.statusChanged");
  });

  it("rejects a tampered body", async () => {
    expect(await deliver({ tamper: (body) => body.replace("Rex", "Max") })).toMatchObject({ status: 400, json: { reason: "bad-signature" } });
  });

  it("rejects a body signed with another secret, and names neither secret", async () => {
    const { status, json } = await deliver({ secret: "whsec_" + Buffer.from("an attacker's guess").toString("base64") });
    expect({ status, reason: json.reason }).toEqual({ status: 400, reason: "bad-signature" });
    for (const secret of [CURRENT_SECRET, OLD_SECRET]) expect(json.message).not.toContain(secret.slice(6));
  });

  it("accepts the secret being rotated out while the new one is configured too", async () => {
    expect(await deliver({ secret: OLD_SECRET })).toEqual({ status: 200, json: { name: "petAdopted" } });
  });

  it("rejects a delivery signed more than five minutes ago, as a replay would be", async () => {
    expect(await deliver({ age: 301 })).toMatchObject({ status: 400, json: { reason: "stale-timestamp" } });
    expect(await deliver({ age: -301 })).toMatchObject({ status: 400, json: { reason: "future-timestamp" } });
  });

  it("rejects a delivery whose message id was handled before", async () => {
    expect((await deliver({ id: "msg_once" })).status).toBe(200);
    expect(await deliver({ id: "msg_once" })).toMatchObject({ status: 400, json: { reason: "replayed" } });
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])("rejects a delivery without %s", async (header) => {
    expect(await deliver({ drop: header })).toMatchObject({ status: 400, json: { reason: "missing-header" } });
  });

  it("rejects a body over maxBodySize", async () => {
    const body = JSON.stringify({ ...adopted, adopter: { name: "A".repeat(5000) } });
    expect(await deliver({ body })).toMatchObject({ status: 400, json: { reason: "payload-too-large" } });
  });

  it.each(SDKS)("rejects a signed payload that does not match its schema, naming the field (%s validators)", async (sdk) => {
    const { json } = await deliver({ sdk, body: JSON.stringify({ ...adopted, pet: { id: "seven", name: "Rex" } }) });
    expect(json.reason).toBe("invalid-payload");
    expect(json.message).toContain("pet.id");
  });

  it("rejects a signed payload that is no webhook of the API, or no JSON", async () => {
    expect(await deliver({ body: JSON.stringify({ type: "pet.deleted" }) })).toMatchObject({ status: 400, json: { reason: "unknown-webhook" } });
    expect(await deliver({ body: "not json" })).toMatchObject({ status: 400, json: { reason: "invalid-payload" } });
  });

  it("accepts an enum value the spec does not list, and logs it once", async () => {
    const body = JSON.stringify({ ...adopted, pet: { id: 8, name: "Kiwi", species: "parrot" } });
    expect((await deliver({ body })).status).toBe(200);
    expect((await deliver({ body })).status).toBe(200);
    expect(warnings.filter((line) => line.includes('"parrot"'))).toHaveLength(1);
  });
});

describe("headers a webhook declares", () => {
  it.each(SDKS)("come typed on the event, narrowed with its name, numbers as numbers (%s validators)", async (sdk) => {
    expect((await deliver({ sdk, extra: { "x-shop-DOMAIN": "north.example", "X-Shelter-Tier": "plus", "X-Retry-Count": "2", "X-Undeclared": "kept out" } })).status).toBe(200);
    const event = received.at(-1);
    if (event?.name !== "petAdopted") throw new Error(`expected petAdopted, got ${event?.name}`);
    // Typed per event: the required header is a string, the integer one a number.
    const domain: string = event.headers["x-shop-domain"];
    const retries: number | undefined = event.headers["x-retry-count"];
    expect({ domain, tier: event.headers["x-shelter-tier"], retries }).toEqual({ domain: "north.example", tier: "plus", retries: 2 });
    expect(Object.keys(event.headers).sort()).toEqual(["x-retry-count", "x-shelter-tier", "x-shop-domain"]);
  });

  it("reject a delivery without a required one as a WebhookHeaderError naming it", async () => {
    const { status, json } = await deliver({ extra: {} });
    expect({ status, ...json }).toMatchObject({ status: 400, reason: "missing-header", header: "X-Shop-Domain", message: expect.stringContaining("X-Shop-Domain") });
  });

  it.each(SDKS)("reject a value the schema forbids, naming the header but not echoing its value (%s validators)", async (sdk) => {
    const { status, json } = await deliver({ sdk, extra: { "X-Shop-Domain": "north.example", "X-Retry-Count": "-12345" } });
    expect({ status, reason: json.reason, header: json.header }).toEqual({ status: 400, reason: "invalid-header", header: "X-Retry-Count" });
    expect(json.message).not.toContain("12345");
  });

  it("tolerate an enum value the spec does not list, logging it once", async () => {
    const extra = { "X-Shop-Domain": "north.example", "X-Shelter-Tier": "platinum" };
    expect((await deliver({ extra })).status).toBe(200);
    expect((await deliver({ extra })).status).toBe(200);
    expect(warnings.filter((line) => line.includes('"platinum"'))).toHaveLength(1);
  });

  it("follow the validation mode: warn passes a missing one on with a warning, off checks nothing", async () => {
    const before = warnings.length;
    expect(await deliver({ extra: {}, validate: "warn" })).toEqual({ status: 200, json: { name: "petAdopted" } });
    expect(warnings.slice(before)).toEqual([expect.stringContaining("x-shop-domain")]);
    expect(await deliver({ extra: { "X-Retry-Count": "many" }, validate: "off" })).toEqual({ status: 200, json: { name: "petAdopted" } });
    expect(received.at(-1)).toMatchObject({ headers: { "x-retry-count": "many" } });
  });

  it("come on a callback's event too (declared on its path item), and not on an event that declares none", async () => {
    const body = JSON.stringify({ type: "pet.status-changed", petId: 4, status: "reserved" });
    expect((await deliver({ body, extra: { "X-Request-Id": "req-1" } })).status).toBe(200);
    expect(received.at(-1)).toEqual({ name: "subscribe.statusChanged", payload: JSON.parse(body), headers: { "x-request-id": "req-1" } });
    expect((await deliver({ body: JSON.stringify({ type: "pet.created", pet: { id: 1, name: "Tom" } }) })).status).toBe(200);
    expect(received.at(-1)).not.toHaveProperty("headers");
  });

  it("the signature scheme's own headers are WebhookHeaderErrors too", async () => {
    expect(await deliver({ drop: "webhook-timestamp" })).toMatchObject({ status: 400, json: { reason: "missing-header", header: "webhook-timestamp" } });
  });
});

describe("api.webhooks.unwrapRequest", () => {
  it("reads a fetch Request, as a Worker or a Next.js route handler receives it", async () => {
    const body = JSON.stringify(adopted);
    const signed = new Webhook(CURRENT_SECRET).sign("msg_fetch", new Date(), body);
    const headers = { "webhook-id": "msg_fetch", "webhook-timestamp": String(Math.floor(Date.now() / 1000)), "webhook-signature": signed, "X-Shop-Domain": "north.example" };
    const event = await api.webhooks.unwrapRequest(new Request("http://127.0.0.1/hooks", { method: "POST", headers, body }), { secret: CURRENT_SECRET });
    expect(event).toMatchObject({ name: "petAdopted", headers: { "x-shop-domain": "north.example" } });
    const large = new Request("http://127.0.0.1/hooks", { method: "POST", headers, body: "x".repeat(100) });
    const error = await api.webhooks.unwrapRequest(large, { secret: CURRENT_SECRET, maxBodySize: 10 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SdkError);
    expect((error as WebhookVerificationError).reason).toBe("payload-too-large");
  });

  it("verifies another scheme when the call names it", async () => {
    const body = JSON.stringify({ type: "pet.created", pet: { id: 2, name: "Pip" } });
    const signature = `sha256=${createHmac("sha256", "gh-secret").update(body).digest("hex")}`;
    const request = new Request("http://127.0.0.1/hooks", { method: "POST", headers: { "X-Hub-Signature-256": signature }, body });
    const event = await api.webhooks.unwrapRequest(request, { secret: "gh-secret", scheme: { scheme: "github" } });
    expect(event).toEqual({ name: "petCreated", payload: { type: "pet.created", pet: { id: 2, name: "Pip" } } });
  });
});

describe("the testing kit's mock.webhooks.sign", () => {
  const mock = createMockApi();

  it("builds a delivery the receiver accepts, posted with fetch", async () => {
    const payload = { type: "pet.status-changed", petId: 3, status: "adopted" } as const;
    const response = await fetch(`${server.url}/hooks`, await mock.webhooks.sign("subscribe.statusChanged", payload, { secret: OLD_SECRET }));
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { name: "subscribe.statusChanged" } });
    expect(received.at(-1)).toEqual({ name: "subscribe.statusChanged", payload, headers: {} });
  });

  it("signs with the scheme, id and time a test asks for", async () => {
    const signed = await mock.webhooks.sign("petCreated", { type: "pet.created", pet: { id: 1, name: "Tom" } }, { secret: "gh", scheme: { scheme: "github" } });
    expect(signed.headers).toEqual({ "content-type": "application/json", "X-Hub-Signature-256": `sha256=${createHmac("sha256", "gh").update(signed.body).digest("hex")}` });
  });

  it.each([
    ["classic", mock],
    ["mini", miniKit.createMockApi()],
  ] as const)("refuses to sign a payload the API would never send (%s validators)", async (_sdk, kit) => {
    // @ts-expect-error petId must be a number
    const wrong = kit.webhooks.sign("subscribe.statusChanged", { type: "pet.status-changed", petId: "3", status: "adopted" }, { secret: OLD_SECRET });
    await expect(wrong).rejects.toMatchObject({ reason: "invalid-payload", message: expect.stringContaining("petId") });
  });
});

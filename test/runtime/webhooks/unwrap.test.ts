import fc from "fast-check";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { SdkError } from "../../../runtime/index.js";
import { bindWebhooks, signWebhook, WebhookHeaderError, WebhookVerificationError, type WebhooksSpec } from "../../../runtime/webhooks/index.js";

type Event = { readonly name: string; readonly payload: unknown };

const SECRET = "whsec_" + btoa("unwrap tests");
const schemas = {
  PushSchema: z.looseObject({ ref: z.string(), commits: z.array(z.string()) }),
  PingSchema: z.looseObject({ zen: z.string() }),
};
const spec: WebhooksSpec = {
  title: "Hooks",
  names: ["push", "ping"],
  validators: [
    ["push", "PushSchema"],
    ["ping", "PingSchema"],
  ],
  loadValidators: async () => schemas,
};

async function signed(payload: unknown): Promise<[string, Record<string, string>]> {
  const body = JSON.stringify(payload);
  return [body, await signWebhook(body, { secret: SECRET })];
}

function recordingLogger(): { lines: string[]; logger: { debug(): void; info(): void; warn(line: string): void; error(): void } } {
  const lines: string[] = [];
  return { lines, logger: { debug() {}, info() {}, warn: (line: string) => lines.push(line), error() {} } };
}

describe("bindWebhooks without a discriminator", () => {
  it("names a payload after the first webhook, in the spec's order, whose schema it matches", async () => {
    const webhooks = bindWebhooks<Event>(spec);
    expect(await webhooks.unwrap(...(await signed({ zen: "Keep it simple" })), { secret: SECRET })).toEqual({ name: "ping", payload: { zen: "Keep it simple" } });
    const both = { ref: "main", commits: [], zen: "both" };
    expect((await webhooks.unwrap(...(await signed(both)), { secret: SECRET })).name).toBe("push");
  });

  it("rejects a payload no schema matches as unknown-webhook", async () => {
    const error = await bindWebhooks<Event>(spec)
      .unwrap(...(await signed({ ref: 1 })), { secret: SECRET })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).reason).toBe("unknown-webhook");
  });

  it("does not load the validators before the first payload", async () => {
    let loads = 0;
    const webhooks = bindWebhooks<Event>({ ...spec, loadValidators: async () => (loads++, schemas) });
    expect(loads).toBe(0);
    await webhooks.unwrap(...(await signed({ zen: "a" })), { secret: SECRET });
    await webhooks.unwrap(...(await signed({ zen: "b" })), { secret: SECRET });
    expect(loads).toBe(1);
  });
});

describe("bindWebhooks with a discriminator", () => {
  const discriminated: WebhooksSpec = { ...spec, discriminator: { field: "kind", values: [["push", "push"], ["ping", "ping"], ["__proto__", "ping"]] } };

  it("follows the validate mode: strict throws, warn logs and passes the payload on, off does not check", async () => {
    const wrong = await signed({ kind: "push", ref: 42 });
    const strict = await bindWebhooks<Event>(discriminated)
      .unwrap(...wrong, { secret: SECRET })
      .catch((caught: unknown) => caught);
    expect(strict).toMatchObject({ reason: "invalid-payload" });
    expect((strict as WebhookVerificationError).issues.map((issue) => issue.path)).toEqual([["ref"], ["commits"]]);

    const { lines, logger } = recordingLogger();
    const warned = await bindWebhooks<Event>(discriminated, { validate: "warn", logger }).unwrap(...wrong, { secret: SECRET });
    expect(warned).toEqual({ name: "push", payload: { kind: "push", ref: 42 } });
    expect(lines).toEqual([expect.stringMatching(/^\[Hooks\] webhook push: the payload does not match its schema \(ref: .*\); passed on unvalidated$/)]);

    let loads = 0;
    const off = bindWebhooks<Event>({ ...discriminated, loadValidators: async () => (loads++, schemas) }, { validate: "off" });
    expect(await off.unwrap(...wrong, { secret: SECRET })).toEqual({ name: "push", payload: { kind: "push", ref: 42 } });
    expect(loads).toBe(0);
    // A call's validate overrides the client's.
    await expect(off.unwrap(...wrong, { secret: SECRET, validate: "strict" })).rejects.toMatchObject({ reason: "invalid-payload" });
    expect(loads).toBe(1);
  });

  it("rejects a payload whose field names no webhook, or that has none", async () => {
    for (const payload of [{ kind: "pull" }, { ref: "main" }, ["push"], null, { kind: "toString" }]) {
      await expect(bindWebhooks<Event>(discriminated).unwrap(...(await signed(payload)), { secret: SECRET })).rejects.toMatchObject({ reason: "unknown-webhook" });
    }
  });

  it("uses the spec's signature scheme unless the call names another", async () => {
    const github = bindWebhooks<Event>({ ...discriminated, scheme: { scheme: "github" } });
    const body = JSON.stringify({ kind: "ping", zen: "z" });
    const headers = await signWebhook(body, { secret: "gh", scheme: { scheme: "github" } });
    expect((await github.unwrap(body, headers, { secret: "gh" })).name).toBe("ping");
    await expect(github.unwrap(body, headers, { secret: "gh", scheme: { scheme: "standard" } })).rejects.toMatchObject({ reason: "missing-header" });
  });
});

describe("unwrap under random input", () => {
  it("throws nothing but WebhookVerificationError for any signed body, JSON or not", async () => {
    const discriminated = bindWebhooks<Event>({ ...spec, discriminator: { field: "kind", values: [["push", "push"]] } });
    const tried = bindWebhooks<Event>(spec);
    const body = fc.oneof(
      fc.string(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.record({ kind: fc.constantFrom("push", "ping", "__proto__"), ref: fc.jsonValue(), zen: fc.jsonValue() }).map((value) => JSON.stringify(value)),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(discriminated, tried), async (text, webhooks) => {
        const headers = await signWebhook(text, { secret: SECRET });
        try {
          const event = await webhooks.unwrap(text, headers, { secret: SECRET });
          expect(spec.names).toContain(event.name);
        } catch (error) {
          expect(error).toBeInstanceOf(WebhookVerificationError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("declared headers under random input", () => {
  const headerSchemas = {
    ...schemas,
    PushHeadersSchema: z.looseObject({ "x-delivery": z.string(), "x-attempt": z.exactOptional(z.int().check(z.gte(1))), "x-flags": z.exactOptional(z.array(z.boolean())) }),
  };
  const withHeaders: WebhooksSpec = {
    ...spec,
    loadValidators: async () => headerSchemas,
    headers: [{ webhook: "push", validator: "PushHeadersSchema", names: ["X-Delivery", "__proto__", "X-Attempt", "X-Flags"], required: ["X-Delivery"] }],
  };

  it("matches names in any case, types numbers and lists of booleans, and lets no header named __proto__ reach the prototype", async () => {
    const [body, signature] = await signed({ ref: "main", commits: [] });
    const event = await bindWebhooks<Event & { headers?: object }>(withHeaders).unwrap(body, { ...signature, "x-DELIVERY": "d1", ["__proto__"]: "p", "X-Attempt": "3", "X-Flags": "true, false" }, { secret: SECRET });
    expect(Object.getPrototypeOf(event.headers)).toBe(Object.prototype);
    expect(Object.entries(event.headers ?? {})).toEqual([["x-delivery", "d1"], ["x-attempt", 3], ["x-flags", [true, false]]]);
  });

  it("throws nothing but WebhookVerificationError, a header failure a WebhookHeaderError naming a declared header", async () => {
    const webhooks = bindWebhooks<Event>(withHeaders, { logLevel: "off" });
    const [body, signature] = await signed({ ref: "main", commits: [] });
    const header = fc.option(fc.string(), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(header, header, header, fc.constantFrom<"strict" | "warn" | "off">("strict", "warn", "off"), async (delivery, attempt, flags, validate) => {
        const headers = Object.fromEntries(Object.entries({ ...signature, "X-Delivery": delivery, "X-Attempt": attempt, "X-Flags": flags }).filter(([, value]) => value !== undefined));
        try {
          await webhooks.unwrap(body, headers, { secret: SECRET, validate });
        } catch (error) {
          expect(error).toBeInstanceOf(WebhookHeaderError);
          expect(withHeaders.headers?.[0]?.names).toContain((error as WebhookHeaderError).header);
          expect(validate).toBe("strict");
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("bindWebhooks of an SDK generated with --validate off (no validators to load)", () => {
  const { loadValidators: _unused, ...withoutLoader } = spec;
  const unvalidated: WebhooksSpec = { ...withoutLoader, validate: "off", discriminator: { field: "kind", values: [["push", "push"]] } };

  it("names a webhook by its discriminator and returns the payload unchecked", async () => {
    const event = await bindWebhooks<Event>(unvalidated).unwrap(...(await signed({ kind: "push", ref: 1 })), { secret: SECRET });
    expect(event).toEqual({ name: "push", payload: { kind: "push", ref: 1 } });
  });

  it("says why it cannot name a webhook that only the schemas would tell apart", async () => {
    const { discriminator: _none, ...undiscriminated } = unvalidated;
    const error = await bindWebhooks<Event>(undiscriminated)
      .unwrap(...(await signed({ zen: "z" })), { secret: SECRET })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "unknown-webhook" });
    expect((error as Error).message).toContain("this SDK was generated with --validate off, without the validators that tell its webhooks apart");
  });

  it("refuses validate: strict with an SdkError, rather than return the payload unchecked", async () => {
    const error = await bindWebhooks<Event>(unvalidated, { validate: "strict" })
      .unwrap(...(await signed({ kind: "push", ref: 1 })), { secret: SECRET })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SdkError);
    expect((error as Error).message).toBe('webhooks: validate: "strict" needs validators, and this SDK was generated with --validate off, without them; regenerate it without that option to validate');
  });
});

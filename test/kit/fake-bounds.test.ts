/**
 * `returnsFake()` stays small and fast on schemas shaped like Stripe's: every object reaches most
 * others through expandable fields (`anyOf` of an id and the object), lists of objects, strings
 * allowed 5,000 characters, and cycles. Stripe's `postCustomers` took 36.7 s and made a 5,000-
 * character id before the fakes were bounded.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { OperationSpec } from "../../runtime/operation.js";
import { check } from "../../runtime/response/validate.js";
import { fakeBody } from "../../runtime/testing/fake.js";

const COMPONENTS = 60;
const text = () => z.string().check(z.maxLength(5000));

/** Component `i` refers to three others, so each reaches all of them, as Stripe's `customer` reaches most of Stripe. */
const components: z.ZodType[] = Array.from({ length: COMPONENTS }, (_, i) =>
  z.lazy(() => {
    const [a, b, c] = [(i + 1) % COMPONENTS, (i * 7 + 3) % COMPONENTS, (i * 13 + 5) % COMPONENTS].map((index) => components[index] as z.ZodType);
    return z.looseObject({
      id: text(),
      object: z.enum([`thing_${i}`]),
      created: z.int(),
      livemode: z.boolean(),
      description: z.exactOptional(z.nullable(text())),
      email: z.exactOptional(z.nullable(text())),
      metadata: z.exactOptional(z.record(z.string(), text().check(z.maxLength(500)))),
      parent: z.exactOptional(z.nullable(z.union([text(), a as z.ZodType]))),
      source: z.exactOptional(z.union([text(), b as z.ZodType, c as z.ZodType])),
      items: z.exactOptional(z.looseObject({ data: z.array(c as z.ZodType), has_more: z.boolean(), object: z.enum(["list"]), url: text() })),
      tags: z.exactOptional(z.array(text())),
    });
  }),
);

const operation = (schema: z.ZodType): OperationSpec => ({ id: "postThings", method: "POST", path: "/v1/things", params: [], responses: { "200": { kind: "json", schema } } });

function longestString(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (typeof value !== "object" || value === null) return 0;
  return Math.max(0, ...Object.values(value).map(longestString));
}

function depth(value: unknown): number {
  return typeof value === "object" && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;
}

function cpuMilliseconds<T>(run: () => Promise<T>): Promise<{ result: T; cpu: number }> {
  const start = process.cpuUsage();
  return run().then((result) => {
    const used = process.cpuUsage(start);
    return { result, cpu: (used.user + used.system) / 1000 };
  });
}

describe("returnsFake() on a large, recursive schema", () => {
  it("makes valid, small data with short strings, in well under a second of CPU", async () => {
    const target = operation(components[0] as z.ZodType);
    await import("json-schema-faker"); // loading the sampler is not what is measured
    for (const seed of [1, 2, 3, 4, 5]) {
      const { result: body, cpu } = await cpuMilliseconds(() => fakeBody(target, "test", 200, seed));
      const checked = check(components[0] as z.ZodType, body);
      expect(checked.ok, `seed ${seed}: ${JSON.stringify(checked.ok ? [] : checked.issues)}`).toBe(true);
      expect(cpu, `seed ${seed}`).toBeLessThan(400);
      expect(JSON.stringify(body).length, `seed ${seed}`).toBeLessThan(10_000);
      expect(longestString(body), `seed ${seed}`).toBeLessThanOrEqual(24);
      expect(depth(body), `seed ${seed}`).toBeLessThanOrEqual(8);
    }
  });

  it("keeps numbers without bounds near zero, within their own bounds", async () => {
    const schema = z.looseObject({ created: z.int(), amount: z.number(), negative: z.int().check(z.lte(-5)), percent: z.number().check(z.gt(0), z.lte(100)) });
    const body = (await fakeBody(operation(schema), "test", 200, 1)) as Record<string, number>;
    expect(check(schema, body).ok).toBe(true);
    for (const value of Object.values(body)) expect(Math.abs(value)).toBeLessThanOrEqual(10_000);
  });

  it("keeps enum values, constants and formats longer than the string limit", async () => {
    const schema = z.looseObject({
      object: z.enum(["billing_portal.configuration"]),
      kind: z.literal("financial_connections.account_owner"),
      url: z.url(),
    });
    for (const seed of [1, 2, 3]) {
      const body = await fakeBody(operation(schema), "test", 200, seed);
      expect(check(schema, body).ok).toBe(true);
    }
  });

  it("says a schema that requires endless nesting cannot be faked", async () => {
    const endless: z.ZodType = z.lazy(() => z.object({ id: z.string(), next: endless }));
    await expect(fakeBody(operation(endless), "mock.postThings.returnsFake()", 200, 1)).rejects.toThrow(
      "mock.postThings.returnsFake(): could not generate a valid 200 response of postThings (POST /v1/things) from its schema (the schema requires values nested more than 32 levels deep); give a body with returns()",
    );
  });
});

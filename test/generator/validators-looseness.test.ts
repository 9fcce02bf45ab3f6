/**
 * Where the generated validators knowingly differ from a JSON Schema validator such as ajv, and
 * where they do not, on the parameters fixture's SDK (see README, "tolerate API additions").
 */
import { describe, expect, it } from "vitest";
import * as sdk from "../.out/sdk/parameters/schemas.js";

describe("type: number with an integer format", () => {
  it.each([
    ["int32: a 32-bit integer", sdk.QuantitySchema, 2_147_483_647, true],
    ["int32: no fraction", sdk.QuantitySchema, 1.5, false],
    ["int32: not beyond 2^31 - 1", sdk.QuantitySchema, 2_147_483_648, false],
    ["int32: not below -2^31", sdk.QuantitySchema, -2_147_483_649, false],
    ["int64: an integer beyond 32 bits", sdk.TotalSchema, 2 ** 40, true],
    ["int64: no fraction", sdk.TotalSchema, 0.5, false],
  ] as const)("%s", (_rule, schema, value, valid) => {
    expect(schema.safeParse(value).success).toBe(valid);
  });
});

describe("oneOf", () => {
  it("accepts a value that matches several variants, as anyOf: real specs list overlapping variants", () => {
    // A UUID is also a string: ajv's oneOf refuses it for matching two variants.
    expect(sdk.ReferenceSchema.safeParse("6f1c2a9e-0d4b-4c8e-9a7b-1e2f3a4b5c6d").success).toBe(true);
    expect(sdk.ReferenceSchema.safeParse("rex").success).toBe(true);
  });

  it("still refuses a value that matches no variant", () => {
    expect(sdk.ReferenceSchema.safeParse(42).success).toBe(false);
  });
});

/**
 * What the generated zod validators accept and reject, on the composition fixture's SDK:
 * given a value, want valid or not. Each row names the JSON Schema rule it exercises.
 */
import { describe, expect, it } from "vitest";
import * as sdk from "../.out/sdk/composition/schemas.js";

const dog = { id: "6f1c2a9e-0d4b-4c8e-9a7b-1e2f3a4b5c6d", species: "dog", name: "Rex", breed: "lab" };
const account = { id: "6f1c2a9e-0d4b-4c8e-9a7b-1e2f3a4b5c6d", email: "a@example.com" };

const cases: readonly (readonly [rule: string, schema: { safeParse(value: unknown): { success: boolean } }, value: unknown, valid: boolean])[] = [
  ["allOf merges the parts' properties", sdk.DogSchema, dog, true],
  ["allOf requires what any part requires", sdk.DogSchema, { ...dog, breed: undefined }, false],
  ["allOf keeps each part's constraints", sdk.DogSchema, { ...dog, name: "" }, false],
  ["allOf of parts declaring one property differently accepts what satisfies both", sdk.AsrLicenseSchema, { product: "ASR", seats: 3 }, true],
  ["allOf of parts declaring one property differently rejects what satisfies one", sdk.AsrLicenseSchema, { product: "CDM", seats: 3 }, false],
  ["a discriminated union picks the variant by its tag", sdk.ShapeSchema, { shapeType: "circle", radius: 2 }, true],
  ["a discriminated union checks the picked variant", sdk.ShapeSchema, { shapeType: "square", radius: 2 }, false],
  ["a discriminated union rejects an unknown tag", sdk.ShapeSchema, { shapeType: "hexagon" }, false],
  ["exclusiveMinimum excludes the bound", sdk.CircleSchema, { shapeType: "circle", radius: 0 }, false],
  ["multipleOf", sdk.SquareSchema, { shapeType: "square", side: 1.25 }, false],
  ["anyOf of primitives", sdk.ScalarSchema, true, true],
  ["anyOf of primitives rejects others", sdk.ScalarSchema, null, false],
  ["additionalProperties schema checks extra values", sdk.LabelsSchema, { env: "prod" }, true],
  ["additionalProperties schema rejects bad extra values", sdk.LabelsSchema, { env: 1 }, false],
  ["additionalProperties beside properties checks only extra keys", sdk.SettingsSchema, { mixed: { version: 2, note: "x" } }, true],
  ["additionalProperties beside properties rejects bad extra values", sdk.SettingsSchema, { mixed: { version: 2, note: 3 } }, false],
  ["unknown keys pass by default", sdk.SettingsSchema, { somethingNew: [1, 2] }, true],
  ["date-time accepts an offset", sdk.AccountSchema, { ...account, createdAt: "2026-11-21T10:00:00+02:00" }, true],
  ["date-time accepts Z", sdk.AccountSchema, { ...account, createdAt: "2026-11-21T10:00:00.123Z" }, true],
  ["date-time rejects a date", sdk.AccountSchema, { ...account, createdAt: "2026-11-21" }, false],
  ["email", sdk.AccountSchema, { ...account, email: "not an email" }, false],
  ["uuid", sdk.AccountSchema, { ...account, id: "42" }, false],
  ["ipv4", sdk.AccountSchema, { ...account, lastLoginIp: "300.1.1.1" }, false],
  ["int32 minimum", sdk.AccountSchema, { ...account, age: 17 }, false],
  ["integers reject fractions", sdk.AccountSchema, { ...account, age: 20.5 }, false],
  ["nullable uri accepts null", sdk.AccountSchema, { ...account, homepage: null }, true],
  ["a nullable enum lists null", sdk.SortOrderSchema, null, true],
  ["an enum rejects unlisted values", sdk.ColorSchema, "purple", false],
  ["a mixed enum", sdk.MixedSchema, 1.5, true],
  ["the empty schema accepts anything", sdk.AnyValueSchema, { a: [null] }, true],
];

describe("generated validators", () => {
  it.each(cases)("%s", (_rule, schema, value, valid) => {
    expect(schema.safeParse(value).success).toBe(valid);
  });

  it("validate request-side views without read-only fields", () => {
    expect(sdk.AccountWritableSchema.safeParse({ email: "a@example.com", password: "long enough" }).success).toBe(true);
    expect(sdk.AccountWritableSchema.safeParse({ email: "a@example.com", password: "short" }).success).toBe(false);
  });
});

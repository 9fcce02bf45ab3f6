import { describe, expect, it } from "vitest";
import { fixturePath, generateInto, typecheck } from "../support/sdk.js";

describe("a spec split over several files", () => {
  it("resolves relative $refs, including one into the middle of another file's schema", async () => {
    const { result, out } = await generateInto(fixturePath("multi-file/openapi.yaml"), "multi-file");
    const types = result.files.find((file) => file.path === "types.ts")?.contents ?? "";
    // Order (schemas/order.yaml) with Customer (schemas/customer.yaml) inside it.
    expect(types).toMatch(/export interface GetOrderResponse \{\n {2}id: string;\n {2}customer\?: \{\n {4}name: string;/);
    // Order/properties/lines, referenced on its own by the second operation.
    expect(types).toMatch(/export type \w+ = \{\n {2}sku: string;\n {2}quantity: number;\n\}\[\];/);
    expect(result.warnings).toEqual([]);
    expect(await typecheck([out], "NodeNext", "multi-file")).toBe("");
  });
});

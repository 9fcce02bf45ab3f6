/** Without json-schema-faker installed, returnsFake() says what to install instead of crashing. */
import { expect, it, vi } from "vitest";
import type { OperationSpec } from "../../runtime/operation.js";

vi.mock("json-schema-faker", () => {
  throw new Error("Cannot find package 'json-schema-faker'");
});

it("names the package to install", async () => {
  const { fakeBody } = await import("../../runtime/testing/fake.js");
  const { z } = await import("zod");
  const operation: OperationSpec = { id: "getThing", method: "GET", path: "/thing", params: [], responses: { "200": { kind: "json", schema: z.object({ id: z.int() }) } } };
  await expect(fakeBody(operation, "mock.getThing.returnsFake()", 200, 1)).rejects.toThrow(
    /^mock\.getThing\.returnsFake\(\) needs the json-schema-faker package: npm install --save-dev json-schema-faker \(/,
  );
});

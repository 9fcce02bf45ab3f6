/** The controls of a mock stay usable when an operation has a control's name. */
import { expect, it } from "vitest";
import type { Endpoint } from "../../runtime/endpoint.js";
import type { OperationSpec } from "../../runtime/operation.js";
import { createMock } from "../../runtime/testing/index.js";

const fetchOperation: OperationSpec = { id: "fetch", method: "GET", path: "/fetch", params: [], responses: { "204": { kind: "empty" } } };

it("keeps an operation named like a control under operations", async () => {
  const mock = createMock<{ fetch: Endpoint<Record<string, never>, undefined, never> }>({ fetch: fetchOperation });
  mock.operations.fetch.returns(undefined);
  const response = await mock.fetch("http://api.test/fetch");
  expect(response.status).toBe(204);
  expect(mock.operations.fetch.calls).toEqual([{}]);
});

/**
 * The SDK's errors through the generated SDK: every class comes from its index and extends
 * SdkError, ApiError's body is typed by the operation's declared error response for its status
 * (checked by tsc through expectTypeOf), and every message is one readable line.
 */
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  ApiError,
  ConnectionError,
  RequestValidationError,
  ResponseValidationError,
  SdkError,
  TimeoutError,
  type NotFound,
  type ReplaceItemError,
  type ValidationProblem,
} from "../.out/sdk/runtime-policies/index.js";
import { clientFor, closeServers, rejectionOf, sendJson, sendText, startPolicyServer, type Handler, type PolicyServer } from "./runtime-support.js";

afterEach(closeServers);

const answers: Handler = (request, response) => {
  const id = request.path.split("/").at(-1);
  if (id === "missing") return sendJson(response, 404, { message: "no item missing", resource: "item" }, { "x-request-id": "req-404" });
  if (id === "invalid") return sendJson(response, 422, { errors: [{ field: "name", message: "taken" }] });
  if (id === "odd-404") return sendJson(response, 404, { reason: "not the declared shape" });
  if (id === "crash") return sendText(response, 500, "upstream exploded\nat line 2");
  if (id === "slow") return;
  if (id === "wrong") return sendJson(response, 200, { id: 1 });
  return sendJson(response, 200, { id, name: "Widget" });
};

async function serverAndClient(): Promise<{ server: PolicyServer; api: ReturnType<typeof clientFor> }> {
  const server = await startPolicyServer(answers);
  return { server, api: clientFor(server, { auth: { bearerAuth: "t" }, timeout: 5_000, retry: 0 }) };
}

describe("errors through a generated SDK", () => {
  it("throws ApiError with status, headers, method, URL, request id and the declared body, narrowed by isError", async () => {
    const { server, api } = await serverAndClient();
    const error = await rejectionOf(api.getItem({ itemId: "missing" }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(SdkError);
    if (!api.getItem.isError(error)) throw new Error("expected getItem's declared 404");
    expectTypeOf(error.body).toEqualTypeOf<NotFound>();
    expect(error.body).toEqual({ message: "no item missing", resource: "item" });
    expect(error).toMatchObject({ status: 404, method: "GET", url: `${server.baseUrl}/items/missing`, operation: "getItem", requestId: "req-404" });
    expect(error.headers.get("content-type")).toBe("application/json");
    expect(error.message).toBe(`GET ${server.baseUrl}/items/missing failed with 404 Not Found (getItem, request id req-404)`);
  });

  it("types ApiError.body by status when an operation declares several error responses", async () => {
    const { api } = await serverAndClient();
    for (const itemId of ["missing", "invalid"]) {
      const error = await rejectionOf(api.replaceItem({ itemId, body: { name: "W" } }));
      if (!api.replaceItem.isError(error)) throw new Error("expected a declared replaceItem error");
      expectTypeOf(error).toEqualTypeOf<ReplaceItemError>();
      if (error.status === 404) {
        expectTypeOf(error.body).toEqualTypeOf<NotFound>();
        expect(error.body.message).toBe("no item missing");
      } else {
        expectTypeOf(error.status).toEqualTypeOf<422>();
        expectTypeOf(error.body).toEqualTypeOf<ValidationProblem>();
        expect(error.body.errors[0]?.field).toBe("name");
      }
    }
  });

  it("keeps undeclared statuses and mismatching error bodies out of isError, but still throws ApiError", async () => {
    const { api } = await serverAndClient();
    const crash = await rejectionOf(api.getItem({ itemId: "crash" }));
    expect(crash).toBeInstanceOf(ApiError);
    expect(api.getItem.isError(crash)).toBe(false);
    expect((crash as ApiError).body).toBe("upstream exploded\nat line 2");
    const odd = await rejectionOf(api.getItem({ itemId: "odd-404" }));
    expect(odd).toMatchObject({ status: 404, body: { reason: "not the declared shape" } });
    expect((odd as ApiError).bodyIssues?.length).toBeGreaterThan(0);
    expect(api.getItem.isError(odd)).toBe(false);
    // Another operation's declared error is not this one's.
    const missing = await rejectionOf(api.getItem({ itemId: "missing" }));
    expect(api.replaceItem.isError(missing)).toBe(false);
  });

  it("throws TimeoutError, ConnectionError, ResponseValidationError and RequestValidationError, all SdkErrors", async () => {
    const { server, api } = await serverAndClient();
    const timeout = await rejectionOf(api.getItem({ itemId: "slow" }, { timeout: 100 }));
    const invalidResponse = await rejectionOf(api.getItem({ itemId: "wrong" }));
    const invalidRequest = await rejectionOf(clientFor(server, { auth: { bearerAuth: "t" }, validateRequests: true }).createItem({ body: { name: "", quantity: -1 } }));
    await server.close();
    const connection = await rejectionOf(api.getItem({ itemId: "1" }));

    expect(timeout).toBeInstanceOf(TimeoutError);
    expect(connection).toBeInstanceOf(ConnectionError);
    expect(invalidResponse).toBeInstanceOf(ResponseValidationError);
    expect(invalidRequest).toBeInstanceOf(RequestValidationError);
    for (const error of [timeout, connection, invalidResponse, invalidRequest]) expect(error).toBeInstanceOf(SdkError);

    expect(invalidResponse).toMatchObject({ status: 200, body: { id: 1 }, operation: "getItem" });
    expect((invalidResponse as ResponseValidationError).issues.map((issue) => issue.path.join("."))).toEqual(["id", "name"]);
    expect((invalidRequest as RequestValidationError).issues.map((issue) => issue.path.join("."))).toEqual(["body.name", "body.quantity"]);
    expect(server.requests.filter((request) => request.method === "POST")).toHaveLength(0);
  });

  it("writes every message as one readable line naming the method, URL or path, and operation", async () => {
    const { server, api } = await serverAndClient();
    const errors = [
      await rejectionOf(api.getItem({ itemId: "crash" })),
      await rejectionOf(api.getItem({ itemId: "slow" }, { timeout: 100 })),
      await rejectionOf(api.getItem({ itemId: "wrong" })),
      await rejectionOf(clientFor(server, { validateRequests: true }).createItem({ body: { name: "" } })),
    ];
    await server.close();
    errors.push(await rejectionOf(api.getItem({ itemId: "1" })));
    const messages = errors.map((error) => (error as Error).message);
    for (const message of messages) {
      expect(message).not.toMatch(/[\r\n]/);
      expect(message).toMatch(/(GET|POST) (http:\/\/127\.0\.0\.1:\d+\/v1\/items|\/items)/);
      expect(message).toMatch(/getItem|createItem/);
    }
    expect(messages[0]).toMatch(/failed with 500 Internal Server Error \(getItem\)$/);
    expect(messages[1]).toMatch(/timed out after 100 ms \(getItem, 1 attempt\)$/);
    expect(messages[2]).toMatch(/returned 200 with a body that does not match its schema \(getItem\): id: .*; name: /);
    expect(messages[3]).toMatch(/^Invalid arguments for POST \/items \(createItem\): body\.name: /);
    expect(messages[4]).toMatch(/failed to connect: .+ \(getItem, 1 attempt\)$/);
  });
});

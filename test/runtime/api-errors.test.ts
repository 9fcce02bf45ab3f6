import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  ApiError,
  createRuntime,
  SdkError,
  type Endpoint,
  type OptionalArgsEndpoint,
  type OptionalArgsPaginatedEndpoint,
  type PaginatedEndpoint,
} from "../../runtime/index.js";
import { closeServers, sendJson, sendText, startServer } from "../support/http-server.js";
import { operation, runtimeFor, testApi } from "../support/runtime-fixtures.js";

afterEach(closeServers);

interface NotFound {
  message: string;
}
interface Problem {
  code: number;
}
type GetPetError = ApiError<404, NotFound> | ApiError<500, Problem>;

const getPet = operation({
  id: "getPet",
  path: "/pets/{id}",
  params: [{ name: "id", in: "path", style: "simple", explode: false }],
  responses: {
    "200": { kind: "json" },
    "404": { kind: "json", schema: z.object({ message: z.string() }) },
    "500": { kind: "json" },
    "418": { kind: "text" },
  },
});

async function failingCall(status: number, body: string, contentType = "application/json"): Promise<unknown> {
  const server = await startServer((_q, response) => sendText(response, status, body, { "content-type": contentType, "x-request-id": "req-1" }));
  const endpoint = runtimeFor(server.url, { retry: 0 }).endpoint<{ id: number }, unknown, GetPetError>(getPet);
  return endpoint({ id: 0 }).then(
    () => expect.fail("the call should have failed"),
    (error: unknown) => error,
  );
}

describe("ApiError", () => {
  it("carries status, parsed body, headers, method, URL and request id", async () => {
    const error = await failingCall(404, '{"message":"no such pet","extra":1}');
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(SdkError);
    const apiError = error as ApiError;
    expect(apiError.name).toBe("ApiError");
    expect(apiError.status).toBe(404);
    expect(apiError.body).toEqual({ message: "no such pet" });
    expect(apiError.headers.get("x-request-id")).toBe("req-1");
    expect(apiError.requestId).toBe("req-1");
    expect(apiError.method).toBe("GET");
    expect(apiError.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pets\/0$/);
    expect(apiError.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/pets\/0 failed with 404 Not Found \(getPet, request id req-1\)$/);
  });

  it("falls back to the text when a JSON error body does not parse", async () => {
    const error = (await failingCall(500, "upstream exploded", "text/html")) as ApiError;
    expect(error.body).toBe("upstream exploded");
  });

  it("reads text error bodies as text and undeclared ones by Content-Type", async () => {
    expect(((await failingCall(418, '{"a":1}')) as ApiError).body).toBe('{"a":1}');
    expect(((await failingCall(409, '{"a":1}')) as ApiError).body).toEqual({ a: 1 });
    expect(((await failingCall(409, "plain", "text/plain")) as ApiError).body).toBe("plain");
    expect(((await failingCall(409, "")) as ApiError).body).toBeUndefined();
  });

  it("isError recognises the operation's declared errors and narrows them", async () => {
    const server = await startServer((_q, response) => sendJson(response, 404, { message: "gone" }));
    const endpoint = runtimeFor(server.url).endpoint<{ id: number }, unknown, GetPetError>(getPet);
    const error: unknown = await endpoint({ id: 1 }).catch((caught: unknown) => caught);
    expect(endpoint.isError(error)).toBe(true);
    if (endpoint.isError(error) && error.status === 404) {
      expectTypeOf(error.body).toEqualTypeOf<NotFound>();
      expect(error.body.message).toBe("gone");
    } else {
      expect.fail("expected a 404 ApiError");
    }
  });

  it("isError is false for other errors, other operations and undeclared statuses", async () => {
    const server = await startServer((request, response) => sendJson(response, request.path === "/pets/1" ? 409 : 404, { message: "x" }));
    const runtime = runtimeFor(server.url);
    const endpoint = runtime.endpoint<{ id: number }, unknown, GetPetError>(getPet);
    const other = runtime.endpoint<{ id: number }, unknown>({ ...getPet, id: "otherOperation" });
    const undeclared: unknown = await endpoint({ id: 1 }).catch((caught: unknown) => caught);
    const foreign: unknown = await other({ id: 2 }).catch((caught: unknown) => caught);
    expect(undeclared).toBeInstanceOf(ApiError);
    expect(endpoint.isError(undeclared)).toBe(false);
    expect(foreign).toBeInstanceOf(ApiError);
    expect(endpoint.isError(foreign)).toBe(false);
    expect(endpoint.isError(new Error("x"))).toBe(false);
    expect(endpoint.isError(undefined)).toBe(false);
  });

  it("exposes the operation spec on the endpoint", () => {
    const endpoint = runtimeFor("http://127.0.0.1:1").endpoint<{ id: number }, unknown>(getPet);
    expect(endpoint.operation).toBe(getPet);
  });
});

describe("endpoint types", () => {
  it("requires args on endpoint() and allows leaving them out on optionalEndpoint()", () => {
    const runtime = runtimeFor("http://127.0.0.1:1");
    const required = runtime.endpoint<{ id: number }, { name: string }, GetPetError>(getPet);
    const optional = runtime.optionalEndpoint<{ limit?: number }, string[]>(getPet);
    expectTypeOf(required).parameter(0).toEqualTypeOf<{ id: number }>();
    expectTypeOf(required).returns.toEqualTypeOf<Promise<{ name: string }>>();
    expectTypeOf(optional).toBeCallableWith();
    expectTypeOf(optional.withResponse).returns.resolves.toHaveProperty("data").toEqualTypeOf<string[]>();
    expectTypeOf(required.isError).guards.toEqualTypeOf<GetPetError>();
    // @ts-expect-error: args are required
    void (() => required());
  });

  it("takes its types from the endpoint a generated client declares, which must be of its kind", () => {
    interface Client {
      getPet: Endpoint<{ id: number }, { name: string }, GetPetError>;
      listPets: OptionalArgsEndpoint<{ limit?: number }, string[]>;
    }
    const runtime = createRuntime({}, testApi);
    const client: Client = { getPet: runtime.endpoint(getPet), listPets: runtime.optionalEndpoint(getPet) };
    expectTypeOf(runtime.paginatedEndpoint(getPet)).toExtend<PaginatedEndpoint<{ id: number }, { items: string[] }, string, GetPetError>>();
    expectTypeOf(runtime.optionalPaginatedEndpoint(getPet)).toExtend<OptionalArgsPaginatedEndpoint<{ limit?: number }, string[], string>>();
    // A plain endpoint has no pages() to give where the client declares a paginated one.
    expectTypeOf(runtime.optionalEndpoint(getPet)).not.toExtend<OptionalArgsPaginatedEndpoint<{ limit?: number }, string[], string>>();
    // One whose args are required cannot stand where the client lets them be left out.
    expectTypeOf(runtime.endpoint(getPet)).not.toExtend<OptionalArgsEndpoint<{ limit?: number }, string[]>>();
    expectTypeOf(client.getPet.isError).guards.toEqualTypeOf<GetPetError>();
  });
});

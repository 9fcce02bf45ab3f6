/**
 * A request fetch (or the runtime's encoders) cannot build from the call's arguments or options
 * fails with RequestValidationError, an SdkError, before anything is sent; never with fetch's raw
 * TypeError. A hook's own error is the caller's, and passes through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestValidationError, SdkError, type BodySpec, type ClientOptions, type HttpMethod } from "../../runtime/index.js";
import { closeServers, sendJson, startServer, type TestServer } from "../support/http-server.js";
import { operation, param, runtimeFor } from "../support/runtime-fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, 200, {}));
});
afterAll(closeServers);

const json: BodySpec = { kind: "json", mediaType: "application/json" };
const multipart: BodySpec = { kind: "multipart", mediaType: "multipart/form-data" };
const cycle: Record<string, unknown> = {};
cycle["self"] = cycle;

interface Case {
  readonly method?: HttpMethod;
  readonly body?: BodySpec;
  readonly args: unknown;
  readonly options?: ClientOptions<Record<string, never>>;
  readonly message: RegExp;
}

async function refusal({ method = "POST", body, args, options = {} }: Case): Promise<unknown> {
  const before = server.requests.length;
  const spec = operation({ id: "makeThing", method, path: "/things", params: [param("X-Note", "header")], ...(body && { body }) });
  const endpoint = runtimeFor(server.url, { retry: 0, ...options }).endpoint<object, unknown>(spec);
  const outcome = await endpoint(args as object).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(server.requests.length, "nothing is sent").toBe(before);
  return outcome;
}

describe("a request that cannot be built", () => {
  it.each<[string, Case]>([
    ["a GET whose spec has a body (generated specs never do)", { method: "GET", body: json, args: { body: { a: 1 } }, message: /GET\/HEAD method cannot have body/ }],
    ["a TRACE, which fetch refuses", { method: "TRACE", args: {}, message: /TRACE/ }],
    ["a header parameter with a line break", { args: { "X-Note": "a\r\nInjected: 1" }, message: /cannot be built/ }],
    ["a client header beyond Latin-1", { args: {}, options: { headers: { "X-Name": "日本" } }, message: /cannot be built/ }],
    ["a base URL that does not parse", { args: {}, options: { baseUrl: "api.example.com/v1" }, message: /cannot be built/ }],
    ["a BigInt in a JSON body", { body: json, args: { body: { n: 1n } }, message: /BigInt/ }],
    ["a cycle in a JSON body", { body: json, args: { body: cycle }, message: /circular/ }],
    ["a multipart body that is no object", { body: multipart, args: { body: 42 }, message: /a multipart\/form-data body must be an object/ }],
    ["arguments that are no object", { args: "petId=1", message: /arguments must be an object, not string/ }],
  ])("%s throws RequestValidationError", async (_name, testCase) => {
    const error = await refusal(testCase);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error).toBeInstanceOf(SdkError);
    expect((error as RequestValidationError).operation).toBe("makeThing");
    expect((error as Error).message).toMatch(testCase.message);
  });

  it("an API key with a line break throws RequestValidationError", async () => {
    const api = { title: "Test API", securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } } as const;
    const spec = operation({ id: "makeThing", method: "POST", path: "/things", security: [{ key: [] }] });
    const endpoint = runtimeFor<{ key: string }>(server.url, { retry: 0, auth: { key: "k\nInjected: 1" } }, api).endpoint<object, unknown>(spec);
    await expect(endpoint({})).rejects.toBeInstanceOf(RequestValidationError);
  });

  it("lets a hook's own TypeError through unchanged", async () => {
    const own = new TypeError("the hook's own bug");
    const error = await refusal({ args: {}, options: { hooks: { beforeRequest: [() => Promise.reject(own)] } }, message: /./ });
    expect(error).toBe(own);
  });
});

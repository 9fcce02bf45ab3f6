/**
 * The conformance classifier's rules, on recorded exchanges: what Prism's fault needs as evidence,
 * and what stays an SDK-caused failure.
 */
import { describe, expect, it } from "vitest";
import type { BuiltArg, SdkOperation } from "../../conformance/args.ts";
import { classify, type SdkResult } from "../../conformance/classify.ts";
import { Judge } from "../../conformance/judge.ts";
import { locate, operationPointer, type JsonObject } from "../../conformance/spec.ts";
import { missingArguments, type Exchange } from "../../conformance/wire.ts";

const document: JsonObject = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {
    "/things/{id}/cancel": {
      patch: {
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "Content-Type", in: "header", required: true, schema: { type: "string" } },
        ],
        responses: { "204": { description: "done" } },
      },
    },
    "/things/{id}/archive": {
      patch: {
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "X-Tenant", in: "header", required: true, schema: { type: "string" } },
        ],
        responses: { "204": { description: "done" } },
      },
    },
    "/location": {
      get: { responses: { "200": { description: "ok", content: { "*/*": { schema: { $ref: "#/components/schemas/Thing" } } } } } },
    },
    "/changes": {
      get: { responses: { "200": { description: "ok", content: { "application/jsonl": { schema: { type: "object" } } } } } },
      query: { responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } } },
      additionalOperations: { PURGE: { responses: { "204": { description: "done" } } } },
      post: {
        requestBody: { content: { "application/x-ndjson": { schema: { $ref: "#/components/schemas/Named" } } } },
        responses: { "204": { description: "done" } },
      },
    },
    "/keyed": {
      get: { security: [{ "#/components/securitySchemes/key": [] }], responses: { "204": { description: "done" } } },
    },
    "/operations": {
      get: {
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/OperationValue" } } } } },
      },
    },
    "/things": {
      put: {
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
        responses: { "204": { description: "done" } },
      },
      post: {
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Named" } } } },
        responses: { "204": { description: "done" } },
      },
      get: {
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Counted" } } } } },
      },
    },
  },
  components: {
    securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } },
    schemas: {
      Thing: { type: "object", required: ["id", "name"], properties: { id: { type: "string", readOnly: true }, name: { type: "string" } } },
      Named: { type: "object", required: ["id", "name"], properties: { id: { type: "string" }, name: { type: "string" } } },
      // As azure.com's hybridcompute (converted Swagger 2.0): `display` is an object without `type`.
      OperationValue: { type: "object", properties: { name: { type: "string" }, display: { allOf: [{ $ref: "#/components/schemas/OperationValueDisplay" }] }, size: { type: "integer" } } },
      OperationValueDisplay: { properties: { provider: { type: "string" } } },
      Counted: {
        type: "object",
        properties: {
          count: { type: "number", format: "int32" },
          shape: { oneOf: [{ type: "object", properties: { a: { type: "string" } } }, { type: "object", properties: { b: { type: "string" } } }] },
        },
      },
    },
  },
};
const judge = new Judge({ version: "3.0", document });

function judged(path: string, method: string, exchange: Exchange, result: SdkResult, args: readonly BuiltArg[] = [], params: SdkOperation["params"] = []) {
  const operation = locate(document, operationPointer(path, method))!;
  const sdk: SdkOperation = { id: "op", method: method.toUpperCase(), path, params };
  return classify({ judge, document, operation, sdk, args, exchange, result });
}

function prism422(url: string, message: string, location: string[], request: Partial<Exchange["request"]> = {}): Exchange {
  return {
    request: { method: "PATCH", url, headers: {}, ...request },
    response: {
      status: 422,
      headers: { "content-type": "application/problem+json" },
      body: JSON.stringify({ type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY", validation: [{ location, severity: "Error", message }] }),
    },
  };
}

const refused: SdkResult = { kind: "api-error", status: 422, isError: false };

describe("conformance classification", () => {
  it("sets apart Prism demanding a declared Content-Type header parameter it names only in its message, as OpenAPI says to ignore it", () => {
    const exchange = prism422("http://x/things/1/cancel", "Request header must have required property 'content-type'", ["header"]);
    expect(judged("/things/{id}/cancel", "patch", exchange, refused).outcome).toBe("prism-limitation");
  });

  it("keeps Prism demanding an ordinary header parameter the SDK did not send as a failure", () => {
    const exchange = prism422("http://x/things/1/archive", "Request header must have required property 'x-tenant'", ["header"]);
    expect(judged("/things/{id}/archive", "patch", exchange, refused).outcome).toBe("prism-rejected");
  });

  it("sets apart NO_COMPLEX_OBJECT_TEXT for an object schema under */* as Prism failing on its own response", () => {
    const exchange: Exchange = {
      request: { method: "GET", url: "http://x/location", headers: {} },
      response: { status: 500, headers: { "content-type": "application/problem+json" }, body: JSON.stringify({ type: "https://stoplight.io/prism/errors#NO_COMPLEX_OBJECT_TEXT", title: "Cannot serialise complex objects as text" }) },
    };
    const judgement = judged("/location", "get", exchange, { kind: "api-error", status: 500, isError: false });
    expect(judgement.outcome).toBe("prism-limitation");
    expect(judgement.reason).toContain("*/*");
  });

  it("sets apart Prism demanding a required readOnly property in a request body, and only a readOnly one", () => {
    const body = (schema: string): BuiltArg => ({ key: "body", value: { name: "n" }, source: "sampler", schemaPointer: `#/components/schemas/${schema}`, matchesSchema: true });
    const exchange = (method: string): Exchange => prism422("http://x/things", "Request body must have required property 'id'", ["body"], { method, body: '{"name":"n"}', headers: { "content-type": "application/json" } });
    expect(judged("/things", "put", exchange("PUT"), refused, [body("Thing")]).outcome).toBe("prism-limitation");
    expect(judged("/things", "post", exchange("POST"), refused, [body("Named")]).outcome).toBe("prism-rejected");
  });

  it("fails a body the SDK accepted whose int32 number is out of range, and tolerates one matching several oneOf variants", () => {
    const ok = (json: unknown): Exchange => ({
      request: { method: "GET", url: "http://x/things", headers: {} },
      response: { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(json) },
    });
    const data: SdkResult = { kind: "data", status: 200 };
    expect(judged("/things", "get", ok({ count: 2 ** 31 }), data).outcome).toBe("accepted-invalid");
    expect(judged("/things", "get", ok({ count: 1.5 }), data).outcome).toBe("accepted-invalid");
    expect(judged("/things", "get", ok({ count: 7, shape: {} }), data).outcome).toBe("tolerated");
  });

  it("sets apart a refused null where a schema has object keywords but no type as a spec defect, and only such a null", () => {
    const answered = (json: unknown): Exchange => ({
      request: { method: "GET", url: "http://x/operations", headers: {} },
      response: { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(json) },
    });
    const sdkRefused: SdkResult = { kind: "refused", status: 200, message: "display: expected object, received null" };
    const typeless = judged("/operations", "get", answered({ name: "n", display: null }), sdkRefused);
    expect(typeless).toMatchObject({ outcome: "spec-defect", rule: "object schema without type" });
    expect(typeless.reason).toContain("/display");
    expect(judged("/operations", "get", answered({ name: "n", display: { provider: "p" } }), sdkRefused).outcome).toBe("refused-valid");
    expect(judged("/operations", "get", answered({ name: "n", display: "text" }), sdkRefused).outcome).toBe("refused-valid");
  });

  it("sets apart Prism's missing JSON Lines serializer and its unrouted QUERY method, and only for what the spec declares", () => {
    const problem = (method: string, url: string, status: number, type: string, title: string): Exchange => ({
      request: { method, url, headers: {} },
      response: { status, headers: { "content-type": "application/problem+json" }, body: JSON.stringify({ type: `https://stoplight.io/prism/errors#${type}`, title, status, detail: "" }) },
    });
    const failed: SdkResult = { kind: "api-error", status: 500, isError: false };
    const serializer = judged("/changes", "get", problem("GET", "http://x/changes", 500, "UNKNOWN", "Cannot find serializer for application/jsonl"), failed);
    expect(serializer).toMatchObject({ outcome: "prism-limitation", rule: "no serializer for a sequential media type" });
    expect(judged("/changes", "get", problem("GET", "http://x/changes", 500, "UNKNOWN", "Cannot find serializer for text/csv"), failed).outcome).toBe("prism-rejected");
    const query = judged("/changes", "query", problem("QUERY", "http://x/changes", 404, "NO_PATH_MATCHED_ERROR", "Route not resolved, no path matched"), { kind: "api-error", status: 404, isError: false });
    expect(query).toMatchObject({ outcome: "prism-limitation", rule: "QUERY method" });
    expect(judged("/changes", "get", problem("GET", "http://x/changes", 404, "NO_PATH_MATCHED_ERROR", "Route not resolved, no path matched"), failed).outcome).toBe("prism-rejected");
  });

  it("sets apart Prism's unrouted additionalOperations method and URI-keyed security requirement, and only with their evidence", () => {
    const problem = (method: string, url: string, status: number, type: string, headers: Record<string, string> = {}): Exchange => ({
      request: { method, url, headers },
      response: { status, headers: { "content-type": "application/problem+json" }, body: JSON.stringify({ type: `https://stoplight.io/prism/errors#${type}`, title: "", status, detail: "" }) },
    });
    const failed = (status: number): SdkResult => ({ kind: "api-error", status, isError: false });
    expect(judged("/changes", "PURGE", problem("PURGE", "http://x/changes", 405, "NO_METHOD_MATCHED_ERROR"), failed(405))).toMatchObject({ outcome: "prism-limitation", rule: "additionalOperations method" });
    expect(judged("/changes", "get", problem("GET", "http://x/changes", 405, "NO_METHOD_MATCHED_ERROR"), failed(405)).outcome).toBe("prism-rejected");
    expect(judged("/keyed", "get", problem("GET", "http://x/keyed", 401, "UNAUTHORIZED", { "x-key": "k" }), failed(401))).toMatchObject({ outcome: "prism-limitation", rule: "security requirement keyed by URI" });
    // Without the scheme's credentials on the request, the 401 is deserved.
    expect(judged("/keyed", "get", problem("GET", "http://x/keyed", 401, "UNAUTHORIZED"), failed(401)).outcome).toBe("prism-rejected");
  });

  it("sets apart Prism reading a JSON Lines request body as one value only when each line sent matches the item schema", () => {
    const arg: BuiltArg = { key: "body", value: [{ id: "1", name: "n" }], source: "sampler", schemaPointer: "#/components/schemas/Named", matchesSchema: true };
    const sent = (body: string): Exchange => prism422("http://x/changes", "Request body must be object", ["body"], { method: "POST", body, headers: { "content-type": "application/x-ndjson" } });
    expect(judged("/changes", "post", sent('{"id":"1","name":"n"}\n{"id":"2","name":"m"}\n'), refused, [arg])).toMatchObject({ outcome: "prism-limitation", rule: "JSON Lines request body" });
    expect(judged("/changes", "post", sent('{"id":"1"}\n'), refused, [arg]).outcome).toBe("prism-rejected");
  });

  it("does not mistake a query parameter named body for the request body", () => {
    const arg: BuiltArg = { key: "body", param: { name: "body", in: "query", style: "form", explode: true }, value: "x", source: "sampler" };
    expect(missingArguments([arg], { method: "GET", url: "http://x/reports?body=x", headers: {} }, "/reports")).toEqual([]);
    expect(missingArguments([{ key: "body", value: "x", source: "sampler" }], { method: "GET", url: "http://x/reports?body=x", headers: {} }, "/reports")).toEqual(["body: no request body was sent"]);
  });
});

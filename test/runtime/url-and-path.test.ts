import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntime, RequestValidationError, type ParamSpec } from "../../runtime/index.js";
import { closeServers, sendJson, startServer, type TestServer } from "../support/http-server.js";
import { everyFeature, operation, param, runtimeFor } from "../support/runtime-fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, 200, {}));
});
afterAll(closeServers);

async function requestedPath(baseUrl: string, path: string, params: readonly ParamSpec[] = [], args: object = {}): Promise<string> {
  const before = server.requests.length;
  await runtimeFor(baseUrl).endpoint<object, unknown>(operation({ path, params }))(args);
  expect(server.requests.length).toBe(before + 1);
  return server.requests.at(-1)?.path ?? "";
}

describe("base URL", () => {
  it.each([
    ["keeps a path prefix without a trailing slash", "/v1", "/v1/pets"],
    ["keeps a path prefix with a trailing slash", "/v1/", "/v1/pets"],
    ["works with a bare origin", "", "/pets"],
    ["works with a bare origin and a trailing slash", "/", "/pets"],
    ["keeps a deeper prefix", "/api/v2", "/api/v2/pets"],
  ])("%s", async (_name, prefix, expected) => {
    expect(await requestedPath(`${server.url}${prefix}`, "/pets")).toBe(expected);
  });

  it("defaults to the spec's server URL when no baseUrl is given", async () => {
    const runtime = createRuntime({ logLevel: "off" }, { title: "T", servers: [{ url: `${server.url}/from-spec` }], securitySchemes: {}, features: everyFeature });
    await runtime.endpoint(operation({ path: "/pets" }))({});
    expect(server.requests.at(-1)?.path).toBe("/from-spec/pets");
  });
});

describe("path parameters", () => {
  const at = (value: unknown, extra: Partial<ParamSpec> = {}) =>
    requestedPath(server.url, "/things/{color}", [param("color", "path", extra)], { color: value });

  it("percent-encodes spaces, slashes and unicode so a value stays one segment", async () => {
    expect(await at("a b/c ü?#")).toBe("/things/a%20b%2Fc%20%C3%BC%3F%23");
  });

  it("writes numbers, booleans and dates as text", async () => {
    expect(await at(42)).toBe("/things/42");
    expect(await at(false)).toBe("/things/false");
    expect(await at(new Date("2024-01-02T03:04:05Z"))).toBe("/things/2024-01-02T03%3A04%3A05.000Z");
  });

  it("substitutes several parameters and reads renamed keys", async () => {
    const path = await requestedPath(server.url, "/users/{id}/pets/{petId}", [param("id", "path", { key: "path.id" }), param("petId", "path")], {
      "path.id": 7,
      petId: "x y",
    });
    expect(path).toBe("/users/7/pets/x%20y");
  });

  it("sends json parameters JSON-encoded", async () => {
    expect(await at({ a: 1 }, { json: true })).toBe("/things/%7B%22a%22%3A1%7D");
  });

  const colors = ["blue", "black", "brown"];
  const rgb = { R: 100, G: 200, B: 150 };
  it.each([
    ["simple", false, colors, "blue,black,brown"],
    ["simple", true, colors, "blue,black,brown"],
    ["simple", false, rgb, "R,100,G,200,B,150"],
    ["simple", true, rgb, "R=100,G=200,B=150"],
    ["label", false, "blue", ".blue"],
    ["label", false, colors, ".blue,black,brown"],
    ["label", true, colors, ".blue.black.brown"],
    ["label", false, rgb, ".R,100,G,200,B,150"],
    ["label", true, rgb, ".R=100.G=200.B=150"],
    ["matrix", false, "blue", ";color=blue"],
    ["matrix", false, colors, ";color=blue,black,brown"],
    ["matrix", true, colors, ";color=blue;color=black;color=brown"],
    ["matrix", false, rgb, ";color=R,100,G,200,B,150"],
    ["matrix", true, rgb, ";R=100;G=200;B=150"],
  ] as const)("style %s, explode %s: %j → %s", async (style, explode, value, expected) => {
    expect(await at(value, { style, explode })).toBe(`/things/${expected}`);
  });

  it("rejects a missing path parameter without sending anything", async () => {
    const before = server.requests.length;
    const call = runtimeFor(server.url).endpoint<object, unknown>(operation({ path: "/things/{color}", params: [param("color", "path")] }))({});
    await expect(call).rejects.toBeInstanceOf(RequestValidationError);
    await expect(call).rejects.toThrow('path parameter "color" is required');
    expect(server.requests.length).toBe(before);
  });
});

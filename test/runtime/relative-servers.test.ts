/**
 * A relative server URL (from a spec read from a file) resolves against the page the SDK runs in,
 * as OpenAPI resolves it against where the spec is served; with no page, createClient says so.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createRuntime, SdkError } from "../../runtime/index.js";
import { closeServers, sendJson, startServer, type TestServer } from "../support/http-server.js";
import { operation } from "../support/runtime-fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, 200, {}));
});
afterAll(closeServers);
afterEach(() => vi.unstubAllGlobals());

const api = { title: "T", servers: [{ url: "../api/{version}", name: "here", variables: { version: "v1" } }], securitySchemes: {} };

describe("a relative server URL", () => {
  it("resolves against the page's location, where there is one", async () => {
    vi.stubGlobal("location", { href: `${server.url}/app/index.html` });
    await createRuntime({ logLevel: "off" }, api).endpoint(operation({ path: "/pets" }))({});
    expect(server.requests.at(-1)?.path).toBe("/api/v1/pets");
  });

  it("makes createClient throw an SdkError that says to pass baseUrl, where there is none", () => {
    expect(() => createRuntime({ logLevel: "off" }, api)).toThrow(SdkError);
    expect(() => createRuntime({ logLevel: "off" }, api)).toThrow(/server URL "\.\.\/api\/v1" is relative, and this runtime has no page location to resolve it against; pass baseUrl/);
  });

  it("makes createClient throw the same SdkError where reading the location throws (Deno without --location)", () => {
    Object.defineProperty(globalThis, "location", {
      configurable: true,
      get: () => {
        throw new ReferenceError('Access to "location", run again with --location <href>.');
      },
    });
    try {
      expect(() => createRuntime({ logLevel: "off" }, api)).toThrow(/is relative, and this runtime has no page location/);
    } finally {
      Reflect.deleteProperty(globalThis, "location");
    }
  });

  it("is not needed when baseUrl is given", async () => {
    await createRuntime({ logLevel: "off", baseUrl: `${server.url}/given` }, api).endpoint(operation({ path: "/pets" }))({});
    expect(server.requests.at(-1)?.path).toBe("/given/pets");
  });
});

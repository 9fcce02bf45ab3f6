/**
 * Which server a runtime calls: the first by default, an operation's own (by environment name,
 * else its first); and a relative server URL (from a spec read from a file), which resolves
 * against the page the SDK runs in, as OpenAPI resolves it against where the spec is served.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createRuntime, SdkError } from "../../runtime/index.js";
import { closeServers, sendJson, startServer, type TestServer } from "../support/http-server.js";
import { everyFeature, operation } from "../support/runtime-fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, 200, {}));
});
afterAll(closeServers);
afterEach(() => vi.unstubAllGlobals());

const api = { title: "T", servers: [{ url: "../api/{version}", name: "here", variables: { version: "v1" } }], securitySchemes: {}, features: everyFeature };

describe("the server of a call", () => {
  const twoServers = () => ({ title: "T", servers: [{ url: `${server.url}/first`, name: "a" }, { url: `${server.url}/second`, name: "b" }], securitySchemes: {}, features: everyFeature });

  it("is the first of the spec's servers when no environment is chosen", async () => {
    await createRuntime({ logLevel: "off" }, twoServers()).endpoint(operation({ path: "/pets" }))({});
    expect(server.requests.at(-1)?.path).toBe("/first/pets");
  });

  it("is an operation's first own server when none is named like the environment", async () => {
    const own = operation({ path: "/pets", servers: [{ url: `${server.url}/own-one`, name: "x" }, { url: `${server.url}/own-two`, name: "y" }] });
    await createRuntime({ logLevel: "off", environment: "b" }, twoServers()).endpoint(own)({});
    expect(server.requests.at(-1)?.path).toBe("/own-one/pets");
  });
});

describe("without the resolveBaseUrls feature (a spec whose server URLs are absolute, without variables)", () => {
  const { resolveBaseUrls: _unused, ...features } = everyFeature;
  const fixed = () => ({ title: "T", servers: [{ url: `${server.url}/first`, name: "a" }, { url: `${server.url}/second`, name: "b" }], securitySchemes: {}, features });

  it("calls the chosen environment's server, or an operation's own of the same name, as written", async () => {
    await createRuntime({ logLevel: "off", environment: "b" }, fixed()).endpoint(operation({ path: "/pets" }))({});
    expect(server.requests.at(-1)?.path).toBe("/second/pets");
    const own = operation({ path: "/pets", servers: [{ url: `${server.url}/own-a`, name: "a" }, { url: `${server.url}/own-b`, name: "b" }] });
    await createRuntime({ logLevel: "off", environment: "b" }, fixed()).endpoint(own)({});
    expect(server.requests.at(-1)?.path).toBe("/own-b/pets");
  });

  it("refuses an unknown environment, and under validate: strict any server variable", () => {
    expect(() => createRuntime({ logLevel: "off", environment: "c" as "a" }, fixed())).toThrow('createClient: unknown environment "c"; this API\'s are "a", "b"');
    expect(() => createRuntime({ logLevel: "off", serverVariables: { region: "eu" } }, fixed())).toThrow("createClient: serverVariables.region is not a server variable of this API (it has none)");
  });
});

describe("server variables named like Object's own properties", () => {
  it("are only themselves: given, defaulted, or refused as unknown", async () => {
    // JSON.parse: an object literal's `__proto__` key would set the prototype instead.
    const serverVariables = JSON.parse('{"constructor": [], "__proto__": [], "toString": []}') as Record<string, readonly string[]>;
    const api = { title: "T", servers: [{ url: `${server.url}/{constructor}/{__proto__}/{toString}`, variables: { toString: "t" } }], serverVariables, securitySchemes: {}, features: everyFeature };
    await createRuntime({ logLevel: "off", serverVariables: JSON.parse('{"constructor": "c", "__proto__": "p"}') as object }, api).endpoint(operation({ path: "/pets" }))({});
    expect(server.requests.at(-1)?.path).toBe("/c/p/t/pets");
    expect(() => createRuntime({ logLevel: "off", serverVariables: { valueOf: "v" } }, api)).toThrow(/serverVariables.valueOf is not a server variable/);
  });
});

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

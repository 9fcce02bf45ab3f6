/**
 * Servers and environments through a generated SDK (fixtures/environments.yaml) and real servers
 * on 127.0.0.1, one per environment or service, each recording what reached it: the environment
 * chosen by name, server variables in the host, the port and the path, a path item's servers
 * chosen by the environment's name, an operation's own server, and `baseUrl` over all of them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createClient, SdkError } from "../.out/sdk/environments/index.js";
import { createMockApi } from "../.out/sdk/environments/testing.js";
import { closeServers, sendJson, startServer, type TestServer } from "../support/http-server.js";

afterEach(closeServers);

const thing = { id: "7", name: "Seven" };

/** A server that answers every request with `body`. */
function serving(body: unknown = thing, status = 200): Promise<TestServer> {
  return startServer((_request, response) => sendJson(response, status, body));
}

const portOf = (server: TestServer): string => new URL(server.url).port;
const paths = (server: TestServer): string[] => server.requests.map((request) => `${request.method} ${request.path}`);

describe("environments", () => {
  it("sends each client's calls to the server of its environment, with variables in the host, port and path", async () => {
    const [local, staging] = await Promise.all([serving(), serving()]);
    const localApi = createClient({ environment: "local", serverVariables: { host: "127.0.0.1", port: portOf(local), version: "v2" } });
    const stagingApi = createClient({ environment: "staging", serverVariables: { stagingPort: portOf(staging) } });
    expect(await localApi.getThing({ id: "7" })).toEqual(thing);
    expect(await stagingApi.getThing({ id: "8" })).toEqual(thing);
    expect(paths(local)).toEqual(["GET /v2/things/7"]);
    // The host variable's value, not its default (localhost), named the server.
    expect(local.requests[0]?.headers.host).toBe(`127.0.0.1:${portOf(local)}`);
    expect(paths(staging)).toEqual(["GET /staging/things/8"]);
  });

  it("sends a path item's operation to its server named like the client's environment, with the same variables", async () => {
    const [local, uploads] = await Promise.all([serving(), serving(thing, 201)]);
    const api = createClient({ environment: "local", serverVariables: { host: "127.0.0.1", port: portOf(local), uploadPort: portOf(uploads) } });
    expect(await api.uploadThing({ body: thing })).toEqual(thing);
    expect(paths(uploads)).toEqual(["POST /files/uploads"]);
    expect(local.requests).toEqual([]);
  });

  it("sends an operation with a server of its own there, whatever the environment", async () => {
    const [staging, reports] = await Promise.all([serving(), serving({ day: "2026-12-07" })]);
    const api = createClient({ environment: "staging", serverVariables: { stagingPort: portOf(staging), reportPort: portOf(reports) } });
    expect(await api.getReport()).toEqual({ day: "2026-12-07" });
    expect(paths(reports)).toEqual(["GET /reports-api/reports"]);
    expect(staging.requests).toEqual([]);
  });

  it("sends every operation to baseUrl when one is given, its own servers' operations too", async () => {
    // One body that both operations' schemas accept.
    const [proxy, reports] = await Promise.all([serving({ ...thing, day: "2026-12-07" }), serving({ day: "2026-12-07" })]);
    const api = createClient({ baseUrl: `${proxy.url}/proxy`, environment: "local", serverVariables: { reportPort: portOf(reports) } });
    await api.getThing({ id: "7" });
    await api.getReport();
    expect(paths(proxy)).toEqual(["GET /proxy/things/7", "GET /proxy/reports"]);
    expect(reports.requests).toEqual([]);
  });

  it("percent-encodes what a URL cannot hold in a variable's value, and keeps its slashes", async () => {
    const local = await serving();
    const api = createClient({ environment: "local", serverVariables: { host: "127.0.0.1", port: portOf(local), version: "v2/beta ä?#" } });
    await api.getThing({ id: "7" });
    expect(paths(local)).toEqual(["GET /v2/beta%20%C3%A4%3F%23/things/7"]);
  });
});

describe("choices createClient refuses", () => {
  it("throws an SdkError naming the environments for an unknown one", () => {
    // @ts-expect-error: "moon" is no environment of this API
    expect(() => createClient({ environment: "moon" })).toThrow(SdkError);
    // @ts-expect-error: the same, typed away
    expect(() => createClient({ environment: "moon" })).toThrow(/unknown environment "moon"; this API's are "production", "sandbox", "local", "staging", "eu"/);
  });

  it("throws an SdkError for a value outside a variable's enum under strict validation", () => {
    // @ts-expect-error: "mars" is not one of region's values
    expect(() => createClient({ serverVariables: { region: "mars" } })).toThrow(/serverVariables.region is "mars", not one of "us", "eu", "ap"/);
    // @ts-expect-error: regoin is no server variable
    expect(() => createClient({ serverVariables: { regoin: "eu" } })).toThrow(SdkError);
  });

  it("logs a value outside the enum under validate: warn, and uses it under warn and off", async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (line: string) => warnings.push(line), error() {} };
    const local = await serving();
    const variables = { host: "127.0.0.1", port: portOf(local) };
    // @ts-expect-error: "mars" is not one of region's values
    await createClient({ environment: "local", serverVariables: { ...variables, region: "mars" }, validate: "warn", logger }).getThing({ id: "1" });
    // @ts-expect-error: the same
    await createClient({ environment: "local", serverVariables: { ...variables, region: "mars" }, validate: "off", logger }).getThing({ id: "2" });
    expect(warnings).toEqual([expect.stringContaining('serverVariables.region is "mars", not one of "us", "eu", "ap"; using it as given')]);
    expect(paths(local)).toEqual(["GET /v1/things/1", "GET /v1/things/2"]);
  });
});

describe("the testing kit's mock", () => {
  it("answers an operation at its own server when the mock is given a baseUrl", async () => {
    const mock = createMockApi({ baseUrl: "http://api.test/v1" });
    mock.getReport.returns({ day: "mocked" });
    mock.getThing.returns(thing);
    const api = createClient({ environment: "local", serverVariables: { host: "api.test", port: "80", reportPort: "9999" }, fetch: mock.fetch });
    expect(await api.getReport()).toEqual({ day: "mocked" });
    expect(await api.getThing({ id: "7" })).toEqual(thing);
    expect(mock.getReport.calls).toHaveLength(1);
    mock.assertAllCalled();
  });
});

/**
 * What real specs declare and fetch cannot take as written, through the generated parameters SDK
 * over a real socket: a literal `#` in a path (AWS), request bodies on GET (Stripe) and on DELETE,
 * and a response offering XML before JSON from a server that negotiates on Accept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, RequestValidationError, type Client } from "../.out/sdk/parameters/index.js";
import { createMockApi } from "../.out/sdk/parameters/testing.js";
import { closeServers, sendJson, sendText, startServer, type TestServer } from "../support/http-server.js";

let server: TestServer;
let api: Client;
beforeAll(async () => {
  server = await startServer((request, response) => {
    if (request.method === "DELETE" && request.path.endsWith("/reports")) response.writeHead(204).end();
    // As Prism and many frameworks do: the first media type the spec lists unless Accept asks for another.
    else if (request.path.endsWith("/owner") && !/application\/json/.test(request.headers.accept ?? "")) sendText(response, 200, "<Item><name>x</name></Item>", { "content-type": "application/xml" });
    else sendJson(response, 200, { name: "x" });
  });
  api = createClient({ baseUrl: `${server.url}/v1`, logLevel: "off" });
});
afterAll(closeServers);

describe("a literal # in a path template", () => {
  it("reaches the server as %23, with the query parameters after it", async () => {
    await api.deletePermission({ permissionArn: "arn:aws:ram::1:permission/x", clientToken: "t 1" });
    const request = server.requests.at(-1);
    expect(request?.method).toBe("DELETE");
    expect(request?.path).toBe("/v1/deletepermission%23permissionArn");
    expect(Object.fromEntries(request?.query ?? [])).toEqual({ permissionArn: "arn:aws:ram::1:permission/x", clientToken: "t 1" });
  });

  it("is matched by the testing kit, which reads the query back", async () => {
    const mock = createMockApi();
    const mocked = createClient({ baseUrl: "http://api.test/v1", fetch: mock.fetch, logLevel: "off" });
    mock.deletePermission.returns({ name: "x" });
    await mocked.deletePermission({ permissionArn: "arn:1" });
    expect(mock.deletePermission.calls).toEqual([{ permissionArn: "arn:1" }]);
  });
});

describe("a request body on a GET", () => {
  it("is left out of the SDK, so a body an untyped caller passes anyway is not sent", async () => {
    const args = { accountId: "00000000-0000-4000-8000-000000000000", body: { expand: ["x"] } };
    await api.getAccountBalance(args); // excess keys of a variable are no type error: as an untyped caller would

    const request = server.requests.at(-1);
    expect(request?.method).toBe("GET");
    expect(request?.body.length).toBe(0);
    expect(request?.headers["content-type"]).toBeUndefined();
  });
});

describe("a request body on a DELETE", () => {
  it("is sent, as fetch allows", async () => {
    await api.deleteReports({ body: { names: ["q1"] } });
    const request = server.requests.at(-1);
    expect(request?.method).toBe("DELETE");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.body.toString() ?? "")).toEqual({ names: ["q1"] });
  });
});

describe("a well-typed call fetch cannot send", () => {
  it("fails with RequestValidationError, not fetch's TypeError, and sends nothing", async () => {
    const before = server.requests.length;
    const call = api.listAccountItems({ accountId: "00000000-0000-4000-8000-000000000000", "X-Trace-Id": "a\r\nInjected: 1", limit: 1 });
    await expect(call).rejects.toBeInstanceOf(RequestValidationError);
    expect(server.requests.length).toBe(before);
  });
});

describe("a response offering XML before JSON", () => {
  it("is asked for as JSON, so a server that negotiates answers with what the SDK reads", async () => {
    await expect(api.getAccountOwner({ accountId: "00000000-0000-4000-8000-000000000000" })).resolves.toEqual({ name: "x" });
    expect(server.requests.at(-1)?.headers.accept).toBe("application/json");
  });

  it("leaves Accept to the caller when the call's headers set it", async () => {
    const call = api.getAccountOwner({ accountId: "00000000-0000-4000-8000-000000000000" }, { headers: { Accept: "application/xml" }, validate: "off" });
    await call.catch(() => undefined);
    expect(server.requests.at(-1)?.headers.accept).toBe("application/xml");
  });
});

/**
 * The remaining createClient options through the generated SDK: baseUrl, headers (a record or a
 * function), a custom fetch, ky's hooks passed through, and validate.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createClient, type Auth } from "../.out/sdk/runtime-policies/index.js";
import { clientFor, closeServers, inTurn, rejectionOf, requestAt, sendJson, startPolicyServer, type Handler } from "./runtime-support.js";

afterEach(closeServers);

const item: Handler = (_request, response) => sendJson(response, 200, { id: "1", name: "Widget" }, { "x-request-id": "r1" });
const busy: Handler = (_request, response) => sendJson(response, 503, { message: "busy" });

describe("client options through a generated SDK", () => {
  it("defaults baseUrl to the spec's server, and keeps a baseUrl's path prefix with or without a trailing slash", async () => {
    const seen: string[] = [];
    const offline = createClient({
      logLevel: "off",
      fetch: async (request) => (seen.push(request.url), Response.json({ status: "ok" })),
    });
    await offline.getHealth();
    const server = await startPolicyServer(item);
    await createClient({ baseUrl: `${server.baseUrl}/`, auth: { bearerAuth: "t" } }).getItem({ itemId: "a b" });
    expect(seen).toEqual(["https://policies.example.com/v1/health"]);
    expect(requestAt(server, 0).path).toBe("/v1/items/a%20b");
  });

  it("sends static headers, and calls a headers function (sync or async) once per call", async () => {
    const server = await startPolicyServer(item);
    await clientFor(server, { auth: { bearerAuth: "t" }, headers: { "X-Tenant": "acme", "X-Skipped": undefined } }).getItem({ itemId: "1" });
    let calls = 0;
    const api = clientFor(server, { auth: { bearerAuth: "t" }, headers: async () => ({ "X-Call": String(++calls) }) });
    await api.getItem({ itemId: "1" });
    await api.getItem({ itemId: "1" });
    expect(requestAt(server, 0).headers["x-tenant"]).toBe("acme");
    expect(requestAt(server, 0).headers).not.toHaveProperty("x-skipped");
    expect(server.requests.slice(1).map((request) => request.headers["x-call"])).toEqual(["1", "2"]);
  });

  it("lets call headers override client headers, and sends a client header on every retry", async () => {
    const server = await startPolicyServer(inTurn(busy, item));
    let calls = 0;
    const api = clientFor(server, { auth: { bearerAuth: "t" }, headers: () => ({ "X-Tenant": "acme", "X-Call": String(++calls) }) });
    await api.getItem({ itemId: "1" }, { headers: { "X-Tenant": "other" } });
    expect(server.requests.map((request) => [request.headers["x-tenant"], request.headers["x-call"]])).toEqual([
      ["other", "1"],
      ["other", "1"],
    ]);
  });

  it("sends every attempt and the OAuth 2 token request through the custom fetch", async () => {
    const server = await startPolicyServer((request, response, raw) =>
      request.path.endsWith("/oauth/token") ? sendJson(response, 200, { access_token: "tok" }) : inTurnHandler(request, response, raw),
    );
    const inTurnHandler = inTurn(busy, busy, (_request, response) => sendJson(response, 200, []));
    const fetched: string[] = [];
    const auth: Auth = { oauth: { clientId: "c", clientSecret: "s" } };
    const api = clientFor(server, { auth, fetch: (request, init) => (fetched.push(`${request.method} ${new URL(request.url).pathname}`), fetch(request, init)) });
    await api.listReports();
    expect(fetched).toEqual(["POST /v1/oauth/token", "GET /v1/reports", "GET /v1/reports", "GET /v1/reports"]);
  });

  it("runs ky's beforeRequest hooks before every attempt, beforeRetry before a retry, and beforeError on the final error", async () => {
    const server = await startPolicyServer(inTurn(busy, item, (_request, response) => sendJson(response, 404, { message: "gone" })));
    const seen: string[] = [];
    const api = clientFor(server, {
      auth: { bearerAuth: "t" },
      hooks: {
        beforeRequest: [({ request }) => void (seen.push(`beforeRequest ${request.method}`), request.headers.set("X-Hooked", "yes"))],
        beforeRetry: [({ retryCount }) => void seen.push(`beforeRetry ${retryCount}`)],
        afterResponse: [({ response }) => void seen.push(`afterResponse ${response.status}`)],
        beforeError: [({ error }) => (seen.push(`beforeError ${error.name}`), error)],
      },
    });
    await api.getItem({ itemId: "1" });
    await rejectionOf(api.getItem({ itemId: "1" }));
    expect(seen).toEqual([
      "beforeRequest GET",
      "afterResponse 503",
      "beforeRequest GET",
      "beforeRetry 1",
      "afterResponse 200",
      "beforeRequest GET",
      "afterResponse 404",
      "beforeError HTTPError",
    ]);
    expect(server.requests.map((request) => request.headers["x-hooked"])).toEqual(["yes", "yes", "yes"]);
  });

  it("validates responses strictly by default, and lets a call turn validation off", async () => {
    const server = await startPolicyServer((_request, response) => sendJson(response, 200, { id: 7 }));
    const api = clientFor(server, { auth: { bearerAuth: "t" } });
    await expect(api.getItem({ itemId: "1" })).rejects.toMatchObject({ name: "ResponseValidationError" });
    await expect(api.getItem({ itemId: "1" }, { validate: "off" })).resolves.toEqual({ id: 7 });
  });
});

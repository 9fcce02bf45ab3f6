/**
 * Credentials through the generated SDK: each operation sends exactly the schemes its `security`
 * names (the spec's default, an override, alternatives, two schemes at once, none), in the place
 * each scheme kind goes.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Auth } from "../.out/sdk/runtime-policies/index.js";
import { clientFor, closeServers, requestAt, sendJson, startPolicyServer, type PolicyServer, type RecordedRequest } from "./runtime-support.js";

afterEach(closeServers);

let server: PolicyServer;
beforeEach(async () => {
  server = await startPolicyServer((request, response) => {
    if (request.method === "DELETE") response.writeHead(204).end();
    else if (request.path === "/v1/items") sendJson(response, 200, []);
    else if (request.path === "/v1/audit") sendJson(response, 200, []);
    else if (request.path === "/v1/me") sendJson(response, 200, { subject: "u1" });
    else if (request.path === "/v1/health") sendJson(response, 200, { status: "ok" });
    else sendJson(response, 200, { id: "1", name: "Widget" });
  });
});

const everything: Auth = {
  bearerAuth: "bearer-token",
  basicAuth: { username: "ann", password: "pässword" },
  headerKey: "header-key",
  queryKey: "query-key",
  cookieKey: "cookie-key",
  oidc: "oidc-token",
};

/** The credentials a request carried, wherever they were. */
function credentialsOf(request: RecordedRequest) {
  return {
    authorization: request.headers.authorization,
    apiKeyHeader: request.headers["x-api-key"],
    apiKeyQuery: request.query.get("api_key") ?? undefined,
    cookie: request.headers.cookie,
  };
}

const none = { authorization: undefined, apiKeyHeader: undefined, apiKeyQuery: undefined, cookie: undefined };

describe("auth through a generated SDK", () => {
  it("sends the spec's default bearer requirement, and nothing else", async () => {
    await clientFor(server, { auth: everything }).getItem({ itemId: "1" });
    expect(credentialsOf(requestAt(server, 0))).toEqual({ ...none, authorization: "Bearer bearer-token" });
  });

  it("sends an API key in the query where the operation requires that scheme", async () => {
    await clientFor(server, { auth: everything }).listItems({ limit: 2 });
    expect(requestAt(server, 0).rawQuery).toBe("limit=2&api_key=query-key");
    expect(credentialsOf(requestAt(server, 0))).toEqual({ ...none, apiKeyQuery: "query-key" });
  });

  it("sends a bearer token and a cookie API key together when one requirement names both", async () => {
    await clientFor(server, { auth: everything }).getAudit();
    expect(credentialsOf(requestAt(server, 0))).toEqual({ ...none, authorization: "Bearer bearer-token", cookie: "session_key=cookie-key" });
  });

  it("applies the first alternative that has credentials: the header API key, else basic", async () => {
    await clientFor(server, { auth: everything }).deleteItem({ itemId: "1" });
    await clientFor(server, { auth: { basicAuth: { username: "ann", password: "pässword" } } }).deleteItem({ itemId: "1" });
    expect(credentialsOf(requestAt(server, 0))).toEqual({ ...none, apiKeyHeader: "header-key" });
    const basic = `Basic ${Buffer.from("ann:pässword", "utf8").toString("base64")}`;
    expect(credentialsOf(requestAt(server, 1))).toEqual({ ...none, authorization: basic });
  });

  it("sends no credentials to operations with empty security", async () => {
    const api = clientFor(server, { auth: everything });
    await api.getHealth();
    await api.createAccount({ body: { email: "a@example.com", password: "longenough" } });
    expect(server.requests.map(credentialsOf)).toEqual([none, none]);
  });

  it("sends OpenID Connect and plain OAuth 2 access tokens as bearer tokens", async () => {
    const api = clientFor(server, { auth: { oidc: "oidc-token", oauth: "oauth-token" } });
    await api.getMe();
    await api.listReports().catch(() => undefined);
    expect(requestAt(server, 0).headers.authorization).toBe("Bearer oidc-token");
    expect(requestAt(server, 1).headers.authorization).toBe("Bearer oauth-token");
    expect(server.requests.some((request) => request.path.endsWith("/oauth/token"))).toBe(false);
  });

  it("takes only a token for an OAuth 2 scheme without a client-credentials flow", async () => {
    await clientFor(server, { auth: { userOAuth: async () => "user-token" } }).getMe();
    expect(requestAt(server, 0).headers.authorization).toBe("Bearer user-token");
    // @ts-expect-error: client credentials need a client-credentials flow in the spec
    const misconfigured: Auth = { userOAuth: { clientId: "a", clientSecret: "b" } };
    expect(misconfigured).toBeDefined();
  });

  it("calls credential functions, sync or async, once per call, so tokens can change", async () => {
    let issued = 0;
    const api = clientFor(server, {
      auth: { bearerAuth: () => `sync-${++issued}`, headerKey: async () => `async-${++issued}` },
    });
    await api.getItem({ itemId: "1" });
    await api.deleteItem({ itemId: "1" });
    await api.getItem({ itemId: "1" });
    expect(server.requests.map((request) => request.headers.authorization ?? request.headers["x-api-key"])).toEqual(["Bearer sync-1", "async-2", "Bearer sync-3"]);
  });

  it("sends the call anonymously when no alternative has credentials, and lets the server decide", async () => {
    await clientFor(server, { auth: { bearerAuth: "only-bearer" } }).deleteItem({ itemId: "1" });
    expect(credentialsOf(requestAt(server, 0))).toEqual(none);
  });

  it("lets a call's own Authorization header win over the credentials", async () => {
    await clientFor(server, { auth: everything }).getItem({ itemId: "1" }, { headers: { Authorization: "Bearer override" } });
    expect(requestAt(server, 0).headers.authorization).toBe("Bearer override");
  });
});

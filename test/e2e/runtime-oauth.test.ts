/**
 * OAuth 2 client credentials through the generated SDK: the token comes from the spec's relative
 * `tokenUrl` with the operation's scopes, is cached until it expires, and a 401 makes the client
 * fetch one new token, shared by every call that saw the 401, and replay each call once.
 */
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, AuthenticationError, SdkError, type Auth } from "../.out/sdk/runtime-policies/index.js";
import { clientFor, closeServers, delay, rejectionOf, sendJson, startPolicyServer, type PolicyServer, type RecordedRequest } from "./runtime-support.js";

afterEach(closeServers);

const TOKEN_PATH = "/v1/oauth/token";

interface TokenServer {
  readonly server: PolicyServer;
  readonly tokenRequests: () => RecordedRequest[];
  readonly apiRequests: () => RecordedRequest[];
  /** Makes every token issued so far invalid, as a server-side revocation would. */
  revokeAll(): void;
}

/** Issues t1, t2, … (after `tokenDelay` ms) and accepts the ones not revoked. */
async function startTokenServer({ expiresIn = 3600 as number | undefined, tokenDelay = 0 } = {}): Promise<TokenServer> {
  let issued = 0;
  let revokedUpTo = 0;
  const server = await startPolicyServer((request, response) => {
    if (request.path === TOKEN_PATH) {
      const token = `t${++issued}`;
      setTimeout(() => sendJson(response, 200, { access_token: token, token_type: "Bearer", ...(expiresIn !== undefined && { expires_in: expiresIn }) }), tokenDelay);
      return;
    }
    const number = Number(/^Bearer t(\d+)$/.exec(request.headers.authorization ?? "")?.[1] ?? 0);
    if (number > revokedUpTo) sendJson(response, request.method === "POST" ? 201 : 200, request.method === "POST" ? { id: "r1", title: "Q1" } : []);
    else sendJson(response, 401, { error: "invalid_token" });
  });
  return {
    server,
    tokenRequests: () => server.requests.filter((request) => request.path === TOKEN_PATH),
    apiRequests: () => server.requests.filter((request) => request.path !== TOKEN_PATH),
    revokeAll: () => {
      revokedUpTo = issued;
    },
  };
}

const credentials: Auth = { oauth: { clientId: "app-id", clientSecret: "client-s3cret:x" } };

function formOf(request: RecordedRequest | undefined): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request?.body.toString("utf8") ?? ""));
}

describe("OAuth 2 client credentials through a generated SDK", () => {
  it("fetches a token from the tokenUrl resolved against baseUrl, with the operation's scopes, and caches it", async () => {
    const tokens = await startTokenServer();
    const api = clientFor(tokens.server, { auth: credentials });
    await api.listReports();
    await api.listReports();
    expect(tokens.tokenRequests()).toHaveLength(1);
    const [tokenRequest] = tokens.tokenRequests();
    expect(tokenRequest?.method).toBe("POST");
    expect(tokenRequest?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    // RFC 6749 §2.3.1: id and secret are form-encoded, then sent as HTTP basic credentials.
    expect(tokenRequest?.headers.authorization).toBe(`Basic ${Buffer.from("app-id:client-s3cret%3Ax").toString("base64")}`);
    expect(formOf(tokenRequest)).toEqual({ grant_type: "client_credentials", scope: "reports:read" });
    expect(tokens.apiRequests().map((request) => request.headers.authorization)).toEqual(["Bearer t1", "Bearer t1"]);
  });

  it("asks for a separate token for an operation with other scopes, unless the credentials fix the scopes", async () => {
    const tokens = await startTokenServer();
    const api = clientFor(tokens.server, { auth: credentials });
    await api.listReports();
    await api.createReport({ body: { title: "Q1" } });
    expect(tokens.tokenRequests().map((request) => formOf(request)["scope"])).toEqual(["reports:read", "reports:read reports:write"]);

    const fixed = await startTokenServer();
    const fixedApi = clientFor(fixed.server, { auth: { oauth: { clientId: "a", clientSecret: "b", scopes: ["all"] } } });
    await fixedApi.listReports();
    await fixedApi.createReport({ body: { title: "Q1" } });
    expect(fixed.tokenRequests().map((request) => formOf(request)["scope"])).toEqual(["all"]);
  });

  it("fetches a new token once the cached one expires", async () => {
    const tokens = await startTokenServer({ expiresIn: 0.1 });
    const api = clientFor(tokens.server, { auth: credentials });
    await api.listReports();
    await delay(150);
    await api.listReports();
    expect(tokens.tokenRequests()).toHaveLength(2);
    expect(tokens.apiRequests().map((request) => request.headers.authorization)).toEqual(["Bearer t1", "Bearer t2"]);
  });

  it("on 401s from 5 concurrent calls fetches one new token and replays each call once with it", async () => {
    const tokens = await startTokenServer({ tokenDelay: 50 });
    const api = clientFor(tokens.server, { auth: credentials });
    await api.listReports();
    tokens.revokeAll();
    const results = await Promise.all(Array.from({ length: 5 }, () => api.listReports()));
    expect(results).toEqual([[], [], [], [], []]);
    expect(tokens.tokenRequests()).toHaveLength(2);
    const authorizations = tokens.apiRequests().slice(1).map((request) => request.headers.authorization);
    expect(authorizations.filter((value) => value === "Bearer t1")).toHaveLength(5);
    expect(authorizations.filter((value) => value === "Bearer t2")).toHaveLength(5);
  });

  it("replays only once: a 401 for the new token is the caller's ApiError", async () => {
    const server = await startPolicyServer((request, response) =>
      request.path === TOKEN_PATH ? sendJson(response, 200, { access_token: "never-accepted" }) : sendJson(response, 401, { error: "invalid_token" }),
    );
    const error = await rejectionOf(clientFor(server, { auth: credentials }).listReports());
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(server.requests.map((request) => request.path)).toEqual([TOKEN_PATH, "/v1/reports", TOKEN_PATH, "/v1/reports"]);
  });

  it("throws AuthenticationError, an SdkError without the secret, when the token endpoint refuses the client", async () => {
    const server = await startPolicyServer((_request, response) => sendJson(response, 401, { error: "invalid_client" }));
    const error = await rejectionOf(clientFor(server, { auth: credentials }).listReports());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(SdkError);
    expect(error).toMatchObject({ scheme: "oauth", status: 401 });
    expect((error as Error).message).toBe(`OAuth 2 token request for "oauth" to POST ${server.baseUrl}/oauth/token failed with 401 Unauthorized (invalid_client)`);
    expect((error as Error).message).not.toContain("s3cret");
    expect(server.requests.map((request) => request.path)).toEqual([TOKEN_PATH]);
  });

  it("throws AuthenticationError when the token endpoint does not answer, holding no credentials even in its cause", async () => {
    const server = await startPolicyServer(() => undefined);
    const error = await rejectionOf(clientFor(server, { auth: credentials, timeout: 200 }).listReports());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe(`OAuth 2 token request for "oauth" to POST ${server.baseUrl}/oauth/token failed: Request timed out: POST ${server.baseUrl}/oauth/token`);
    const printed = inspect(error, { depth: 10 });
    expect(printed).not.toContain("s3cret");
    expect(printed).not.toContain(Buffer.from("app-id:client-s3cret%3Ax").toString("base64"));
  });
});

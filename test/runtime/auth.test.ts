import { afterEach, describe, expect, it } from "vitest";
import { AuthenticationError, type ApiSpec, type ClientOptions, type OperationSpec } from "../../runtime/index.js";
import { closeServers, sendJson, startServer, type RecordedRequest } from "../support/http-server.js";
import { operation, param, runtimeFor } from "../support/runtime-fixtures.js";

afterEach(closeServers);

const api: ApiSpec = {
  title: "Secure API",
  securitySchemes: {
    bearer: { type: "http", scheme: "bearer" },
    basic: { type: "http", scheme: "basic" },
    headerKey: { type: "apiKey", in: "header", name: "X-API-Key" },
    queryKey: { type: "apiKey", in: "query", name: "api_key" },
    cookieKey: { type: "apiKey", in: "cookie", name: "sid" },
    oauth: { type: "oauth2", tokenUrl: "/oauth/token" },
    oidc: { type: "openIdConnect" },
  },
};

type Auth = Partial<Record<keyof typeof api.securitySchemes, unknown>>;

async function sendWith(auth: Auth, security: OperationSpec["security"], extra: Partial<OperationSpec> = {}): Promise<RecordedRequest> {
  const server = await startServer((_q, response) => sendJson(response, 200, {}));
  await runtimeFor<Auth>(server.url, { auth }, api).endpoint<object, unknown>(operation({ path: "/secure", ...extra, ...(security && { security }) }))({});
  const request = server.requests[0];
  if (!request) throw new Error("no request");
  return request;
}

describe("credentials", () => {
  it("sends a bearer token", async () => {
    expect((await sendWith({ bearer: "t0k" }, [{ bearer: [] }])).headers.authorization).toBe("Bearer t0k");
  });

  it("calls a token function, sync or async, on every call so tokens can refresh", async () => {
    let n = 0;
    const server = await startServer((_q, response) => sendJson(response, 200, {}));
    const endpoint = runtimeFor<Auth>(server.url, { auth: { bearer: async () => `t${++n}` } }, api).endpoint<object, unknown>(
      operation({ path: "/s", security: [{ bearer: [] }] }),
    );
    await endpoint({});
    await endpoint({});
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(["Bearer t1", "Bearer t2"]);
    expect((await sendWith({ oidc: () => "sync" }, [{ oidc: [] }])).headers.authorization).toBe("Bearer sync");
  });

  it("sends basic credentials base64-encoded from UTF-8", async () => {
    const request = await sendWith({ basic: { username: "zoë", password: "pa:ss✓" } }, [{ basic: [] }]);
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("zoë:pa:ss✓", "utf8").toString("base64")}`);
  });

  it("sends API keys in a header, the query or a cookie", async () => {
    expect((await sendWith({ headerKey: "h" }, [{ headerKey: [] }])).headers["x-api-key"]).toBe("h");
    expect((await sendWith({ queryKey: "q k" }, [{ queryKey: [] }], { params: [param("a", "query")] })).rawQuery).toBe("api_key=q%20k");
    const cookie = await sendWith({ cookieKey: () => "c" }, [{ cookieKey: [] }], { params: [param("theme", "cookie")] });
    expect(cookie.headers.cookie).toBe("sid=c");
  });

  it("applies every scheme of an alternative that needs several", async () => {
    const request = await sendWith({ headerKey: "h", queryKey: "q" }, [{ headerKey: [], queryKey: [] }]);
    expect(request.headers["x-api-key"]).toBe("h");
    expect(request.rawQuery).toBe("api_key=q");
  });

  it("applies the first alternative whose schemes all have credentials, and only that one", async () => {
    const request = await sendWith({ bearer: "b", headerKey: "h" }, [{ basic: [] }, { headerKey: [] }, { bearer: [] }]);
    expect(request.headers["x-api-key"]).toBe("h");
    expect(request.headers).not.toHaveProperty("authorization");
  });

  it("calls anonymously when an empty alternative comes first, or when nothing can be met", async () => {
    expect((await sendWith({ bearer: "b" }, [{}, { bearer: [] }])).headers).not.toHaveProperty("authorization");
    expect((await sendWith({}, [{ bearer: [] }])).headers).not.toHaveProperty("authorization");
  });

  it("sends no credentials to an operation without security", async () => {
    expect((await sendWith({ bearer: "b" }, undefined)).headers).not.toHaveProperty("authorization");
  });
});

describe("OAuth 2 client credentials", () => {
  interface TokenServer {
    readonly url: string;
    readonly tokenRequests: RecordedRequest[];
    readonly apiRequests: RecordedRequest[];
  }

  /** Issues t1, t2, … and accepts only the newest token. */
  async function startTokenServer(expiresIn: number | undefined = 3600): Promise<TokenServer> {
    let issued = 0;
    const server = await startServer((request, response) => {
      if (request.path === "/oauth/token") {
        issued++;
        sendJson(response, 200, { access_token: `t${issued}`, token_type: "Bearer", ...(expiresIn !== undefined && { expires_in: expiresIn }) });
      } else if (request.headers.authorization === `Bearer t${issued}`) {
        sendJson(response, 200, { ok: true });
      } else {
        sendJson(response, 401, { error: "invalid_token" });
      }
    });
    return {
      url: server.url,
      get tokenRequests() {
        return server.requests.filter((request) => request.path === "/oauth/token");
      },
      get apiRequests() {
        return server.requests.filter((request) => request.path !== "/oauth/token");
      },
    };
  }

  const listPets = operation({ id: "listPets", path: "/pets", security: [{ oauth: ["pets:read", "pets:list"] }] });
  const options = (url: string): ClientOptions<Auth> => ({ baseUrl: `${url}/v1`, auth: { oauth: { clientId: "app", clientSecret: "s3cr:t" } } });

  it("fetches a token with the operation's scopes and caches it", async () => {
    const server = await startTokenServer();
    const endpoint = runtimeFor<Auth>(server.url, options(server.url), api).endpoint<object, unknown>(listPets);
    await endpoint({});
    await endpoint({});
    expect(server.tokenRequests).toHaveLength(1);
    const tokenRequest = server.tokenRequests[0]!;
    expect(tokenRequest.method).toBe("POST");
    expect(tokenRequest.headers.authorization).toBe(`Basic ${Buffer.from("app:s3cr%3At").toString("base64")}`);
    expect(Object.fromEntries(new URLSearchParams(tokenRequest.body.toString()))).toEqual({ grant_type: "client_credentials", scope: "pets:read pets:list" });
    expect(server.apiRequests.map((request) => request.headers.authorization)).toEqual(["Bearer t1", "Bearer t1"]);
  });

  it("fetches a new token once it expires", async () => {
    const server = await startTokenServer(0.05);
    const endpoint = runtimeFor<Auth>(server.url, options(server.url), api).endpoint<object, unknown>(listPets);
    await endpoint({});
    await new Promise((resolve) => setTimeout(resolve, 80));
    await endpoint({});
    expect(server.tokenRequests).toHaveLength(2);
  });

  it("on 401 refreshes once for all concurrent calls and replays each of them", async () => {
    const server = await startTokenServer(undefined);
    const runtime = runtimeFor<Auth>(server.url, options(server.url), api);
    const endpoint = runtime.endpoint<object, unknown>(listPets);
    await endpoint({});
    // Someone else takes a token for this client: ours (t1) is now refused.
    await fetch(`${server.url}/oauth/token`, { method: "POST" });
    const results = await Promise.all([endpoint({}), endpoint({}), endpoint({})]);
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(server.tokenRequests).toHaveLength(3);
    const authorizations = server.apiRequests.slice(1).map((request) => request.headers.authorization);
    expect(authorizations.filter((value) => value === "Bearer t1")).toHaveLength(3);
    expect(authorizations.filter((value) => value === "Bearer t3")).toHaveLength(3);
  });

  it("replays only once: a second 401 is the caller's ApiError", async () => {
    const server = await startServer((request, response) =>
      request.path === "/oauth/token" ? sendJson(response, 200, { access_token: "never-good" }) : sendJson(response, 401, {}),
    );
    const endpoint = runtimeFor<Auth>(server.url, options(server.url), api).endpoint<object, unknown>(listPets);
    await expect(endpoint({})).rejects.toMatchObject({ name: "ApiError", status: 401 });
    expect(server.requests.map((request) => request.path)).toEqual(["/oauth/token", "/v1/pets", "/oauth/token", "/v1/pets"]);
  });

  it("throws AuthenticationError when the token endpoint refuses the client", async () => {
    const server = await startServer((_q, response) => sendJson(response, 401, { error: "invalid_client", error_description: "nope" }));
    const endpoint = runtimeFor<Auth>(server.url, options(server.url), api).endpoint<object, unknown>(listPets);
    const error: unknown = await endpoint({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).message).toBe(`OAuth 2 token request for "oauth" to POST ${server.url}/oauth/token failed with 401 Unauthorized (invalid_client)`);
    expect((error as Error).message).not.toContain("s3cr");
  });

  it("keeps the message one line when the token endpoint's error code spans lines", async () => {
    const server = await startServer((_q, response) => sendJson(response, 400, { error: "invalid_scope\n\nat   line 2" }));
    const endpoint = runtimeFor<Auth>(server.url, options(server.url), api).endpoint<object, unknown>(listPets);
    const error: unknown = await endpoint({}).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/failed with 400 Bad Request \(invalid_scope at line 2\)$/);
  });

  it("uses an access token given directly, without the token endpoint", async () => {
    const request = await sendWith({ oauth: "direct" }, [{ oauth: ["x"] }]);
    expect(request.headers.authorization).toBe("Bearer direct");
  });
});

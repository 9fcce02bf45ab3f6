import { afterEach, describe, expect, it } from "vitest";
import { ApiError, type ApiSpec, type LogLevel } from "../../runtime/index.js";
import { closeServers, sendJson, startServer, type Handler } from "../support/http-server.js";
import { memoryLogger, operation, param, runtimeFor } from "../support/runtime-fixtures.js";

afterEach(closeServers);

const api: ApiSpec = {
  title: "Logged API",
  securitySchemes: {
    bearer: { type: "http", scheme: "bearer" },
    queryKey: { type: "apiKey", in: "query", name: "api_key" },
    headerKey: { type: "apiKey", in: "header", name: "X-Secret-Key" },
  },
};
const SECRETS = ["bearer-secret", "query-secret", "header-secret", "cookie-secret"];

async function loggedCall(handler: Handler, logLevel: LogLevel = "debug") {
  const logger = memoryLogger();
  const server = await startServer(handler);
  const endpoint = runtimeFor(
    server.url,
    {
      logger,
      logLevel,
      auth: { bearer: "bearer-secret", queryKey: "query-secret", headerKey: "header-secret" },
      retry: { limit: 1, baseDelay: 1 },
      headers: { Cookie: "session=cookie-secret", "X-Trace": "visible" },
    },
    api,
  ).endpoint<object, unknown>(
    operation({ id: "listPets", path: "/pets", params: [param("limit", "query")], security: [{ bearer: [], queryKey: [], headerKey: [] }] }),
  );
  const error: unknown = await endpoint({ limit: 5 }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { lines: logger.lines, error, server };
}

describe("logging", () => {
  it("logs each request and response at debug with method, URL, status, duration, attempt and request id", async () => {
    const { lines } = await loggedCall((_q, response) => sendJson(response, 200, [], { "x-request-id": "rid-42" }));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^debug \[Logged API\] request GET http:\/\/127\.0\.0\.1:\d+\/pets\?limit=5&api_key=\[redacted\] \(listPets, attempt 1; .*x-trace: visible/);
    expect(lines[1]).toMatch(/^debug \[Logged API\] response 200 GET http:\/\/127\.0\.0\.1:\d+\/pets\?limit=5&api_key=\[redacted\] \(listPets, attempt 1\) in \d+ ms, request id rid-42$/);
  });

  it("redacts Authorization, Cookie and API-key headers and query parameters", async () => {
    const { lines } = await loggedCall((_q, response) => sendJson(response, 200, []));
    const request = lines[0] ?? "";
    expect(request).toContain("authorization: [redacted]");
    expect(request).toContain("cookie: [redacted]");
    expect(request).toContain("x-secret-key: [redacted]");
    for (const secret of SECRETS) expect(lines.join("\n")).not.toContain(secret);
  });

  it("logs retries at info and the failure at error, with no secrets in lines or the error message", async () => {
    const { lines, error } = await loggedCall((_q, response) => sendJson(response, 503, { detail: "down" }), "info");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^info \[Logged API\] retrying GET http:\/\/127\.0\.0\.1:\d+\/pets\?limit=5&api_key=\[redacted\] \(listPets\) after status 503: attempt 2 of 2, waited \d+ ms$/);
    expect(lines[1]).toMatch(/^error \[Logged API\] listPets failed: ApiError: GET http:\/\/127\.0\.0\.1:\d+\/pets\?limit=5&api_key=\[redacted\] failed with 503 Service Unavailable \(listPets\)$/);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).url).toContain("api_key=[redacted]");
    for (const secret of SECRETS) {
      expect(lines.join("\n")).not.toContain(secret);
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it("sends the real credentials while logging them redacted", async () => {
    const { server } = await loggedCall((_q, response) => sendJson(response, 200, []));
    const request = server.requests[0];
    expect(request?.headers.authorization).toBe("Bearer bearer-secret");
    expect(request?.query.get("api_key")).toBe("query-secret");
    expect(request?.headers["x-secret-key"]).toBe("header-secret");
  });

  it("logs nothing below the level, and nothing at all with 'off'", async () => {
    expect((await loggedCall((_q, response) => sendJson(response, 200, []), "info")).lines).toEqual([]);
    expect((await loggedCall((_q, response) => sendJson(response, 500, []), "off")).lines).toEqual([]);
  });
});

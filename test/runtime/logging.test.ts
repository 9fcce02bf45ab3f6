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

  it("logs retries and the failed call at info, with no secrets in lines or the error message", async () => {
    const { lines, error } = await loggedCall((_q, response) => sendJson(response, 503, { detail: "down" }), "info");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^info \[Logged API\] retrying GET http:\/\/127\.0\.0\.1:\d+\/pets\?limit=5&api_key=\[redacted\] \(listPets\) after status 503: attempt 2 of 2, waited \d+ ms$/);
    expect(lines[1]).toMatch(/^info \[Logged API\] listPets failed: ApiError: GET http:\/\/127\.0\.0\.1:\d+\/pets\?limit=5&api_key=\[redacted\] failed with 503 Service Unavailable \(listPets\)$/);
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

  it("shows JSON and form bodies at debug with secret fields redacted at any depth, and no other body", async () => {
    const server = await startServer((_q, response) => sendJson(response, 200, {}));
    const logger = memoryLogger();
    const runtime = runtimeFor(server.url, { logger, logLevel: "debug" }, { title: "Logged API", securitySchemes: {}, secretFields: ["password", "pin"] });
    const send = (kind: "json" | "form" | "binary", body: unknown) =>
      runtime.endpoint<object, unknown>(operation({ method: "POST", path: "/b", body: { kind, mediaType: kind === "json" ? "application/json" : kind === "form" ? "application/x-www-form-urlencoded" : "application/octet-stream" } }))({ body });
    await send("json", { user: { name: "ann", password: "pw-1" }, cards: [{ pin: "1234" }] });
    await send("form", { user: { name: "ann", password: "pw-2" }, pin: "5678" });
    await send("binary", new TextEncoder().encode("password=pw-3"));
    const requests = logger.lines.filter((line) => line.startsWith("debug [Logged API] request"));
    expect(requests[0]).toContain('; body {"user":{"name":"ann","password":"[redacted]"},"cards":[{"pin":"[redacted]"}]})');
    expect(requests[1]).toContain("; body user%5Bname%5D=ann&user%5Bpassword%5D=%5Bredacted%5D&pin=%5Bredacted%5D)");
    expect(requests[2]).not.toContain("body");
    for (const secret of ["pw-1", "1234", "pw-2", "5678", "pw-3"]) expect(logger.lines.join("\n")).not.toContain(secret);
  });

  it("logs nothing below the level, and nothing at all with 'off'", async () => {
    expect((await loggedCall((_q, response) => sendJson(response, 200, []), "info")).lines).toEqual([]);
    expect((await loggedCall((_q, response) => sendJson(response, 500, []), "off")).lines).toEqual([]);
  });
});

/**
 * Log lines through the generated SDK: what each level shows (method, URL, status, duration,
 * attempt, request id), and that no credential and no secret body field is ever written, neither
 * in a log line nor in an error message.
 */
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createClient, RequestValidationError, type Auth } from "../.out/sdk/runtime-policies/index.js";
import { memoryLogger } from "../support/runtime-fixtures.js";
import { clientFor, closeServers, rejectionOf, sendJson, startPolicyServer, type Handler } from "./runtime-support.js";

afterEach(closeServers);

const SECRETS = {
  bearer: "bearer-SECRET-1",
  basicPassword: "basic-SECRET-2",
  headerKey: "header-SECRET-3",
  queryKey: "query-SECRET-4",
  cookieKey: "cookie-SECRET-5",
  password: "password-SECRET-6",
  recoveryCode: "recovery-SECRET-7",
  clientSecret: "client-SECRET-8",
  accessToken: "access-SECRET-9",
};
const auth: Auth = {
  bearerAuth: SECRETS.bearer,
  basicAuth: { username: "ann", password: SECRETS.basicPassword },
  headerKey: SECRETS.headerKey,
  queryKey: SECRETS.queryKey,
  cookieKey: SECRETS.cookieKey,
  oauth: { clientId: "app", clientSecret: SECRETS.clientSecret },
};
/** Every secret as it could appear: plain, percent-encoded, or inside basic credentials. */
const secretForms = [
  ...Object.values(SECRETS),
  Buffer.from(`ann:${SECRETS.basicPassword}`).toString("base64"),
  Buffer.from(`app:${SECRETS.clientSecret}`).toString("base64"),
];

/** Answers every operation of the fixture, with a request id, failing once where a test needs a retry. */
const api: Handler = (request, response) => {
  const headers = { "x-request-id": `rid-${request.method}-${request.path.split("/").at(-1)}` };
  if (request.path === "/v1/oauth/token") return sendJson(response, 200, { access_token: SECRETS.accessToken, expires_in: 3600 });
  if (request.path === "/v1/items" && request.query.get("limit") === "99") return sendJson(response, 403, { message: "over the limit" }, headers);
  if (request.path === "/v1/items/missing") return sendJson(response, 404, { message: "no such item" }, headers);
  if (request.path === "/v1/items/flaky" && request.headers["x-attempt"] === undefined) {
    return sendJson(response, 503, { message: "busy" }, headers);
  }
  if (request.method === "DELETE") return void response.writeHead(204, headers).end();
  if (request.path === "/v1/accounts") return sendJson(response, 201, { id: "a1", email: "ann@example.com" }, headers);
  if (request.path === "/v1/items" || request.path === "/v1/audit" || request.path === "/v1/reports") return sendJson(response, 200, [], headers);
  return sendJson(response, 200, { id: "1", name: "Widget" }, headers);
};

describe("logging through a generated SDK", () => {
  it("logs a debug line per request and per response: method, URL, attempt, status, duration and request id", async () => {
    const server = await startPolicyServer(api);
    const logger = memoryLogger();
    await clientFor(server, { auth, logger, logLevel: "debug" }).listItems({ limit: 2 });
    const url = `${server.baseUrl}/items?limit=2&api_key=[redacted]`;
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines[0]).toMatch(new RegExp(`^debug \\[Runtime Policies\\] request GET ${escape(url)} \\(listItems, attempt 1; .*\\)$`));
    expect(logger.lines[1]).toMatch(new RegExp(`^debug \\[Runtime Policies\\] response 200 GET ${escape(url)} \\(listItems, attempt 1\\) in \\d+ ms, request id rid-GET-items$`));
  });

  it("shows a JSON request body at debug with its password and writeOnly fields redacted", async () => {
    const server = await startPolicyServer(api);
    const logger = memoryLogger();
    await clientFor(server, { auth, logger, logLevel: "debug" }).createAccount({
      body: { email: "ann@example.com", password: SECRETS.password, recoveryCode: SECRETS.recoveryCode },
    });
    expect(logger.lines[0]).toContain('; body {"email":"ann@example.com","password":"[redacted]","recoveryCode":"[redacted]"})');
    expect(JSON.parse(server.requests[0]?.body.toString("utf8") ?? "")).toMatchObject({ password: SECRETS.password, recoveryCode: SECRETS.recoveryCode });
  });

  it("logs retries and failed calls at info, with the request id", async () => {
    const server = await startPolicyServer(api);
    const logger = memoryLogger();
    const client = clientFor(server, { auth, logger, logLevel: "info" });
    await client.getItem({ itemId: "flaky" }, { retry: 0 }).catch(() => undefined);
    await rejectionOf(client.getItem({ itemId: "missing" }));
    const base = escape(server.baseUrl);
    expect(logger.lines).toEqual([
      expect.stringMatching(new RegExp(`^info \\[Runtime Policies\\] getItem failed: ApiError: GET ${base}/items/flaky failed with 503 Service Unavailable \\(getItem, request id rid-GET-flaky\\)$`)),
      expect.stringMatching(new RegExp(`^info \\[Runtime Policies\\] getItem failed: ApiError: GET ${base}/items/missing failed with 404 Not Found \\(getItem, request id rid-GET-missing\\)$`)),
    ]);
    logger.lines.length = 0;
    await client.getItem({ itemId: "flaky" }, { retry: 1 }).catch(() => undefined);
    expect(logger.lines[0]).toMatch(new RegExp(`^info \\[Runtime Policies\\] retrying GET ${base}/items/flaky \\(getItem\\) after status 503: attempt 2 of 2, waited \\d+ ms$`));
  });

  it("logs nothing for calls that fail by default ('warn'): the caller gets the error, and may handle it", async () => {
    const server = await startPolicyServer(api);
    const logger = memoryLogger();
    const client = createClient({ baseUrl: server.baseUrl, auth, logger, retry: { baseDelay: 1 } });
    await client.getItem({ itemId: "1" });
    await client.getItem({ itemId: "flaky" }).catch(() => undefined);
    await expect(client.getItem({ itemId: "missing" })).rejects.toMatchObject({ status: 404 });
    expect(logger.lines).toEqual([]);
    const silent = memoryLogger();
    await clientFor(server, { auth, logger: silent, logLevel: "off" }).getItem({ itemId: "missing" }).catch(() => undefined);
    expect(silent.lines).toEqual([]);
  });

  it("warns by default about what the caller is not told: a body that does not match under validate 'warn'", async () => {
    const server = await startPolicyServer((_request, response) => sendJson(response, 200, { id: 1, name: "Widget" }));
    const logger = memoryLogger();
    await createClient({ baseUrl: server.baseUrl, auth, logger, validate: "warn" }).getItem({ itemId: "1" });
    expect(logger.lines).toEqual([expect.stringMatching(/^warn \[Runtime Policies\] GET .* returned 200 with a body that does not match its schema \(getItem\): id: /)]);
  });

  it("never writes a credential or a secret body field into a log line or an error message", async () => {
    const server = await startPolicyServer(api);
    const logger = memoryLogger();
    const client = clientFor(server, { auth, logger, logLevel: "debug", validateRequests: true });
    const errors: unknown[] = [];
    const settle = (call: Promise<unknown>): Promise<void> => call.then(() => undefined, (error: unknown) => void errors.push(error));
    await settle(client.getItem({ itemId: "1" }));
    await settle(client.getItem({ itemId: "missing" }));
    await settle(client.getItem({ itemId: "flaky" }));
    await settle(client.listItems({ limit: 1 }));
    await settle(client.listItems({ limit: 99 }));
    await settle(client.getAudit());
    await settle(client.deleteItem({ itemId: "1" }));
    await settle(clientFor(server, { auth: { basicAuth: auth.basicAuth ?? { username: "", password: "" } }, logger, logLevel: "debug" }).deleteItem({ itemId: "1" }));
    await settle(client.listReports());
    await settle(client.createAccount({ body: { email: "ann@example.com", password: SECRETS.password, recoveryCode: SECRETS.recoveryCode } }));
    // Too short a password: refused before sending, and the message names the field, not the value.
    await settle(client.createAccount({ body: { email: "ann@example.com", password: "S3CR!" } }));

    const invalid = errors.find((error) => error instanceof RequestValidationError);
    expect((invalid as Error | undefined)?.message).toMatch(/^Invalid arguments for POST \/accounts \(createAccount\): body\.password: /);
    expect(errors.map((error) => (error as Error).name)).toEqual(["ApiError", "ApiError", "ApiError", "RequestValidationError"]);
    expect((errors[2] as Error).message).toContain("/v1/items?limit=99&api_key=[redacted] failed with 403");
    // What an app's own logging prints of an error: its message, and its properties.
    const written = [...logger.lines, ...errors.map((error) => `${(error as Error).message}\n${inspect(error, { depth: 5 })}`)].join("\n");
    expect(logger.lines.filter((line) => line.startsWith("debug [Runtime Policies] request"))).toHaveLength(12);
    const tokenUrl = escape(`${server.baseUrl}/oauth/token`);
    expect(logger.lines.filter((line) => line.includes(" token "))).toEqual([
      expect.stringMatching(new RegExp(`^debug \\[Runtime Policies\\] token request POST ${tokenUrl} \\(oauth, scope "reports:read"; authorization: \\[redacted\\]\\)$`)),
      expect.stringMatching(new RegExp(`^debug \\[Runtime Policies\\] token response 200 POST ${tokenUrl} \\(oauth\\) in \\d+ ms$`)),
    ]);
    for (const secret of [...secretForms, "S3CR!"]) expect(written).not.toContain(secret);
    expect(server.requests.some((request) => request.headers.authorization === `Bearer ${SECRETS.accessToken}`)).toBe(true);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

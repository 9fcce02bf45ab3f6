/**
 * The X-Client-Info header that names the SDK on every request, through a generated SDK and a real
 * server: on by default, replaced by a string, off with `false`, overridden by `headers`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clientInfoHeader } from "../../generator/emit/client-info.js";
import { repoRoot } from "../support/sdk.js";
import { clientFor, closeServers, failFirst, requestAt, sendJson, startPolicyServer, type Handler } from "./runtime-support.js";

afterEach(closeServers);

const genClientVersion = (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
const item: Handler = (_request, response) => sendJson(response, 200, { id: "1", name: "Widget" });

describe("the X-Client-Info header", () => {
  it("names the API, its version and gen-client's version on every request, retries included", async () => {
    const server = await startPolicyServer(failFirst(1, (_request, response) => sendJson(response, 503, {}, { "retry-after": "0" }), item));
    await clientFor(server, { auth: { bearerAuth: "t" } }).getItem({ itemId: "1" });
    expect([requestAt(server, 0).headers["x-client-info"], requestAt(server, 1).headers["x-client-info"]]).toEqual([
      `runtime-policies/1.0.0 gen-client/${genClientVersion}`,
      `runtime-policies/1.0.0 gen-client/${genClientVersion}`,
    ]);
  });

  it("is replaced by a string given as clientInfo", async () => {
    const server = await startPolicyServer(item);
    await clientFor(server, { auth: { bearerAuth: "t" }, clientInfo: "shop-app/3.1" }).getItem({ itemId: "1" });
    expect(requestAt(server, 0).headers["x-client-info"]).toBe("shop-app/3.1");
  });

  it("is not sent with clientInfo: false", async () => {
    const server = await startPolicyServer(item);
    await clientFor(server, { auth: { bearerAuth: "t" }, clientInfo: false }).getItem({ itemId: "1" });
    expect(requestAt(server, 0).headers).not.toHaveProperty("x-client-info");
  });

  it("yields to the client's and the call's headers", async () => {
    const server = await startPolicyServer(item);
    const api = clientFor(server, { auth: { bearerAuth: "t" }, headers: { "X-Client-Info": "from-headers/1" } });
    await api.getItem({ itemId: "1" });
    await api.getItem({ itemId: "1" }, { headers: { "X-Client-Info": "from-call/2" } });
    expect([requestAt(server, 0).headers["x-client-info"], requestAt(server, 1).headers["x-client-info"]]).toEqual(["from-headers/1", "from-call/2"]);
  });
});

describe("the X-Client-Info value a spec produces", () => {
  it.each([
    ["Swagger Petstore", "1.0.0", `swagger-petstore/1.0.0 gen-client/${genClientVersion}`],
    ["GitHub v3 REST API", "1.1.4", `github-v3-rest-api/1.1.4 gen-client/${genClientVersion}`],
    ['Evil"\r\nSet-Cookie: a=b', "1 (beta)\n", `evil-set-cookie-a-b/1-beta gen-client/${genClientVersion}`],
    ["Ünïcode API", undefined, `unicode-api gen-client/${genClientVersion}`],
    ["???", "", `api gen-client/${genClientVersion}`],
  ])("keeps only token characters of %j, version %j", (title, version, expected) => {
    expect(clientInfoHeader(title, version)).toBe(expected);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParamSpec } from "../../runtime/index.js";
import { closeServers, sendJson, startServer, type RecordedRequest, type TestServer } from "../support/http-server.js";
import { operation, param, runtimeFor } from "../support/runtime-fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, 200, {}));
});
afterAll(closeServers);

async function send(params: readonly ParamSpec[], args: object, options: Parameters<typeof runtimeFor>[1] = {}): Promise<RecordedRequest> {
  await runtimeFor(server.url, options).endpoint<object, unknown>(operation({ path: "/h", params }))(args);
  const request = server.requests.at(-1);
  if (!request) throw new Error("no request");
  return request;
}

describe("header parameters", () => {
  it("sends scalars as text, arrays comma-joined and objects per explode", async () => {
    const request = await send(
      [param("X-Id", "header"), param("X-Tags", "header"), param("X-Obj", "header"), param("X-Obj-Exploded", "header", { explode: true }), param("X-When", "header")],
      { "X-Id": 5, "X-Tags": ["a", "b"], "X-Obj": { R: 1, G: 2 }, "X-Obj-Exploded": { R: 1, G: 2 }, "X-When": new Date("2024-05-06T00:00:00Z") },
    );
    expect(request.headers["x-id"]).toBe("5");
    expect(request.headers["x-tags"]).toBe("a,b");
    expect(request.headers["x-obj"]).toBe("R,1,G,2");
    expect(request.headers["x-obj-exploded"]).toBe("R=1,G=2");
    expect(request.headers["x-when"]).toBe("2024-05-06T00:00:00.000Z");
  });

  it("omits undefined header parameters", async () => {
    const request = await send([param("X-Opt", "header")], {});
    expect(request.headers).not.toHaveProperty("x-opt");
  });

  it("lets header parameters override client headers, and call headers override both", async () => {
    const endpoint = runtimeFor(server.url, { headers: { "X-A": "client", "X-B": "client", "X-C": "client" } }).endpoint<object, unknown>(
      operation({ path: "/h", params: [param("X-B", "header"), param("X-C", "header")] }),
    );
    await endpoint({ "X-B": "param", "X-C": "param" }, { headers: { "X-C": "call" } });
    const headers = server.requests.at(-1)?.headers;
    expect([headers?.["x-a"], headers?.["x-b"], headers?.["x-c"]]).toEqual(["client", "param", "call"]);
  });

  it("calls a headers function once per call", async () => {
    let calls = 0;
    const endpoint = runtimeFor(server.url, { headers: async () => ({ "X-Call": String(++calls) }) }).endpoint<object, unknown>(operation({ path: "/h" }));
    await endpoint({});
    await endpoint({});
    expect(server.requests.at(-1)?.headers["x-call"]).toBe("2");
  });
});

describe("cookie parameters", () => {
  it("sends form-style cookies in one Cookie header, percent-encoded", async () => {
    const request = await send([param("session", "cookie"), param("tags", "cookie", { explode: false }), param("many", "cookie")], {
      session: "a b;c",
      tags: ["x", "y"],
      many: ["1", "2"],
    });
    expect(request.headers.cookie).toBe("session=a%20b%3Bc; tags=x,y; many=1; many=2");
  });

  it("adds cookie parameters to a Cookie header from the client's headers", async () => {
    const request = await send([param("session", "cookie")], { session: "s" }, { headers: { Cookie: "theme=dark" } });
    expect(request.headers.cookie).toBe("theme=dark; session=s");
  });

  it("sends no Cookie header when there are no cookies", async () => {
    const request = await send([param("session", "cookie")], {});
    expect(request.headers).not.toHaveProperty("cookie");
  });
});

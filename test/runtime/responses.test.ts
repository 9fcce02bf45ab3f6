import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ResponseValidationError, type ResponseSpec } from "../../runtime/index.js";
import { closeServers, gate, sendJson, sendText, startServer, until, type Handler } from "../support/http-server.js";
import { operation, runtimeFor } from "../support/runtime-fixtures.js";

afterEach(closeServers);

async function call(handler: Handler, responses: Record<string, ResponseSpec>, method: "GET" | "HEAD" = "GET") {
  const server = await startServer(handler);
  return runtimeFor(server.url).endpoint<object, unknown>(operation({ method, path: "/r", responses })).withResponse({});
}

describe("successful responses", () => {
  it("returns parsed JSON with status and headers", async () => {
    const result = await call((_q, response) => sendJson(response, 200, { id: 1 }, { "x-total": "9" }), { "200": { kind: "json" } });
    expect(result.data).toEqual({ id: 1 });
    expect(result.status).toBe(200);
    expect(result.headers.get("x-total")).toBe("9");
    expect(result.response.url).toMatch(/\/r$/);
  });

  it("hands over a response whose JSON or text body can be read again", async () => {
    const json = await call((_q, response) => sendJson(response, 200, { id: 1 }), { "200": { kind: "json" } });
    expect(json.response).toBe(json.response);
    expect(await json.response.json()).toEqual({ id: 1 });
    expect(json.response.status).toBe(200);
    expect(json.response.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await call((_q, response) => sendText(response, 200, "plain"), { "200": { kind: "text" } });
    expect(await text.response.text()).toBe("plain");
  });

  it("returns zod's output: defaults applied and unknown keys stripped", async () => {
    const schema = z.object({ id: z.number(), tags: z.array(z.string()).default([]) });
    const result = await call((_q, response) => sendJson(response, 200, { id: 1, extra: true }), { "200": { kind: "json", schema } });
    expect(result.data).toEqual({ id: 1, tags: [] });
  });

  it("returns text as a string, decoded per its charset", async () => {
    const result = await call(
      (_q, response) => {
        response.writeHead(200, { "content-type": "text/plain; charset=iso-8859-1" });
        response.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      },
      { "200": { kind: "text" } },
    );
    expect(result.data).toBe("café");
  });

  it("returns undefined for 204, for empty kinds, for HEAD and for an empty JSON body", async () => {
    const noContent = await call((_q, response) => void response.writeHead(204).end(), { "204": { kind: "empty" } });
    expect(noContent.data).toBeUndefined();
    expect(noContent.status).toBe(204);
    const emptyKind = await call((_q, response) => sendText(response, 200, "ignored"), { "200": { kind: "empty" } });
    expect(emptyKind.data).toBeUndefined();
    const head = await call((_q, response) => void response.writeHead(200, { "content-type": "application/json", "content-length": "10" }).end(), { "200": { kind: "json" } }, "HEAD");
    expect(head.data).toBeUndefined();
    const emptyJson = await call((_q, response) => void response.writeHead(200, { "content-type": "application/json" }).end(), { "200": { kind: "json", schema: z.object({ id: z.number() }) } });
    expect(emptyJson.data).toBeUndefined();
  });

  it("picks the response by exact status, then range, then default", async () => {
    const responses: Record<string, ResponseSpec> = { "201": { kind: "text" }, "2XX": { kind: "json" }, default: { kind: "empty" } };
    expect((await call((_q, response) => sendText(response, 201, '{"a":1}'), responses)).data).toBe('{"a":1}');
    expect((await call((_q, response) => sendJson(response, 202, { a: 1 }), responses)).data).toEqual({ a: 1 });
    expect((await call((_q, response) => sendJson(response, 200, { a: 1 }), { default: { kind: "text" } })).data).toBe('{"a":1}');
  });

  it("reads an undeclared 2xx by its Content-Type, unvalidated", async () => {
    const result = await call((_q, response) => sendJson(response, 202, { queued: true }), { "200": { kind: "json", schema: z.string() } });
    expect(result.data).toEqual({ queued: true });
  });

  it("rejects a 2xx JSON body that is not JSON, even with validation off", async () => {
    const server = await startServer((_q, response) => sendText(response, 200, "<html>"));
    const endpoint = runtimeFor(server.url, { validate: "off" }).endpoint<object, unknown>(operation({ path: "/r" }));
    const error: unknown = await endpoint({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).body).toBe("<html>");
    expect((error as ResponseValidationError).message).toContain("not valid JSON");
  });
});

describe("binary responses", () => {
  it("hands over the Response unread, so the body streams while the server is still sending", async () => {
    const rest = gate();
    const server = await startServer(async (_q, response) => {
      response.writeHead(200, { "content-type": "application/octet-stream" });
      response.write(Buffer.alloc(64 * 1024, 1));
      await rest.promise;
      response.end(Buffer.alloc(64 * 1024, 2));
    });
    const endpoint = runtimeFor(server.url).endpoint<object, Response>(operation({ path: "/download", responses: { "200": { kind: "binary" } } }));
    const response = await endpoint({});
    expect(response).toBeInstanceOf(Response);
    expect(response.bodyUsed).toBe(false);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value?.[0]).toBe(1);
    rest.open();
    let total = first.value?.byteLength ?? 0;
    let last = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      total += chunk.value.byteLength;
      last = chunk.value.at(-1) ?? last;
    }
    expect(total).toBe(128 * 1024);
    expect(last).toBe(2);
  });

  it("frees its concurrency slot when the Response is returned", async () => {
    const rest = gate();
    const server = await startServer(async (request, response) => {
      response.writeHead(200, { "content-type": "application/octet-stream" });
      response.write("a");
      if (request.path === "/slow") await rest.promise;
      response.end("b");
    });
    const runtime = runtimeFor(server.url, { maxConcurrency: 1 });
    const download = runtime.endpoint<object, Response>(operation({ path: "/slow", responses: { "200": { kind: "binary" } } }));
    const other = runtime.endpoint<object, string>(operation({ path: "/fast", responses: { "200": { kind: "text" } } }));
    const response = await download({});
    expect(await other({})).toBe("ab");
    rest.open();
    expect(await response.text()).toBe("ab");
    await until(() => server.inFlight.current === 0);
  });
});

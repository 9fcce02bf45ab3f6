import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, ownProperties, RequestValidationError, type ApiSpec, type BodySpec, type ClientOptions } from "../../runtime/index.js";
import { isoDateTime } from "../../runtime/dates.js";
import { reviveDates } from "../../runtime/response/revive-dates.js";
import { closeServers, sendJson, startServer, type RecordedRequest, type TestServer } from "../support/http-server.js";
import { memoryLogger, operation, param, runtimeFor, testApi } from "../support/runtime-fixtures.js";

const at = "2024-05-06T07:08:09Z";
const when = new Date(at);

describe("reviveDates", () => {
  it("turns date-time text into Dates at codec positions only, leaving other strings and unlisted keys alone", () => {
    const schema = z.looseObject({ id: z.string(), createdAt: isoDateTime, note: z.string() });
    const body = { id: at, createdAt: at, note: "x", extra: at };
    expect(reviveDates(schema, body)).toEqual({ id: at, createdAt: when, note: "x", extra: at });
  });

  it("follows nested arrays, tuples, records, catchall, optional, nullable and default wrappers", () => {
    const schema = z.object({
      grid: z.array(z.array(z.nullable(isoDateTime))),
      pair: z.tuple([z.string(), isoDateTime], isoDateTime),
      byName: z.record(z.string(), isoDateTime),
      extra: z.object({ a: z.string() }).catchall(isoDateTime),
      later: z.exactOptional(z._default(isoDateTime, new Date(0))),
    });
    const body = { grid: [[at, null], [at]], pair: [at, at, at], byName: { x: at }, extra: { a: at, b: at }, later: at };
    expect(reviveDates(schema, body)).toEqual({
      grid: [[when, null], [when]],
      pair: [at, when, when],
      byName: { x: when },
      extra: { a: at, b: when },
      later: when,
    });
  });

  it("picks a discriminated union's variant by its tag and leaves an unlisted variant as received", () => {
    const schema = z.array(
      z.discriminatedUnion("kind", [z.looseObject({ kind: z.literal("cat"), bornAt: isoDateTime }), z.looseObject({ kind: z.literal("dog"), bornAt: z.string() })]),
    );
    const body = [
      { kind: "cat", bornAt: at },
      { kind: "dog", bornAt: at },
      { kind: "bird", bornAt: at },
    ];
    expect(reviveDates(schema, body)).toEqual([
      { kind: "cat", bornAt: when },
      { kind: "dog", bornAt: at },
      { kind: "bird", bornAt: at },
    ]);
  });

  it("picks a plain union's variant the value passes, else the first of its kind", () => {
    const schema = z.array(z.union([z.object({ n: z.number(), at: z.string() }), z.object({ at: isoDateTime, m: z.number() }), z.number(), isoDateTime]));
    const body = [{ n: 1, at }, { at, m: 1 }, 3, at, "not a date", { at, n: "invalid" }];
    expect(reviveDates(schema, body)).toEqual([{ n: 1, at }, { at: when, m: 1 }, 3, when, "not a date", { at, n: "invalid" }]);
  });

  it("follows recursion through lazy schemas and getters", () => {
    interface Node {
      at: Date;
      children: Node[];
    }
    const node: z.ZodType<Node> = z.lazy(() => z.object({ at: isoDateTime, children: z.array(node) }));
    const tree = z.object({
      at: isoDateTime,
      get next() {
        return tree.nullable();
      },
    });
    expect(reviveDates(node, { at, children: [{ at, children: [{ at, children: [] }] }] })).toEqual({ at: when, children: [{ at: when, children: [{ at: when, children: [] }] }] });
    expect(reviveDates(tree, { at, next: { at, next: null } })).toEqual({ at: when, next: { at: when, next: null } });
  });

  it("leaves text that is no RFC 3339 date-time, and values of other types, as they are", () => {
    const schema = z.object({ a: isoDateTime, b: isoDateTime, c: isoDateTime, d: isoDateTime });
    expect(reviveDates(schema, { a: "2024-05-06", b: "yesterday", c: 5, d: null })).toEqual({ a: "2024-05-06", b: "yesterday", c: 5, d: null });
    expect(reviveDates(isoDateTime, "2024-05-06T07:08:09+02:00")).toEqual(new Date("2024-05-06T05:08:09Z"));
  });

  it("does not walk a body whose schema reaches no date-time", () => {
    const read: PropertyKey[] = [];
    const body = new Proxy({ a: ["x"] }, { ownKeys: (target) => (read.push("ownKeys"), Reflect.ownKeys(target)), get: (target, key) => (read.push(key), Reflect.get(target, key)) });
    const node: z.ZodType<unknown> = z.lazy(() => z.looseObject({ a: z.array(z.string()), next: node.optional() }));
    expect(reviveDates(node, body)).toBe(body);
    expect(read).toEqual([]);
  });

  it("reads through preprocess steps and keeps a __proto__ key an own property", () => {
    const schema = z.preprocess(ownProperties, z.looseObject({ constructor: isoDateTime, ["__proto__"]: isoDateTime }));
    const body: unknown = JSON.parse(`{"constructor":"${at}","__proto__":"${at}"}`);
    const revived = reviveDates(schema, body);
    expect(Object.getPrototypeOf(revived)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(revived, "__proto__")?.value).toEqual(when);
    expect(Object.getOwnPropertyDescriptor(revived, "constructor")?.value).toEqual(when);
  });
});

describe("a dates SDK's responses", () => {
  const datesApi: ApiSpec = { ...testApi, dates: "date" };
  const schema = z.looseObject({ at: isoDateTime, status: z.enum(["ok"]), count: z.number() });
  // "bad": a mismatch that is no unlisted value.
  const body = (value: string) => (value === "bad" ? { at, status: "ok", count: "many" } : { at, status: value, count: 1 });
  const revived = (value: string) => ({ ...body(value), at: when });
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((request, response) => {
      const status = Number(request.query.get("status") ?? "200");
      const value = request.query.get("value") ?? "ok";
      sendJson(response, status, body(value));
    });
  });
  afterAll(closeServers);

  async function call(value: string, status: number, options: ClientOptions<Record<string, never>>, api = datesApi): Promise<unknown> {
    const spec = operation({
      path: "/thing",
      params: [param("value", "query"), param("status", "query")],
      responses: { "200": { kind: "json", schema }, "400": { kind: "json", schema } },
    });
    const endpoint = runtimeFor(server.url, { logger: memoryLogger(), logLevel: "warn", ...options }, api).endpoint<object, unknown>(spec);
    try {
      return await endpoint({ value, status });
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
  }

  it.each([
    ["validated", "ok", "strict"],
    ["not validated", "ok", "off"],
    ["not valid, with warn", "bad", "warn"],
    ["with an unlisted enum value", "new", "strict"],
  ] as const)("hold Dates when %s", async (_case, value, validate) => {
    expect(await call(value, 200, { validate })).toEqual(revived(value));
  });

  it.each([
    ["validated", "ok", "strict"],
    ["not validated", "ok", "off"],
    ["not valid (bodyIssues set)", "bad", "strict"],
    ["with an unlisted enum value", "new", "warn"],
  ] as const)("give ApiError bodies with Dates when %s", async (_case, value, validate) => {
    const error = await call(value, 400, { validate });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toEqual(revived(value));
    expect((error as ApiError).bodyIssues !== undefined).toBe(value === "bad");
  });

  it("stay text in an SDK generated without dates (nothing walks an unvalidated body)", async () => {
    expect(await call("ok", 200, { validate: "off" }, testApi)).toEqual(body("ok"));
  });
});

describe("Dates in requests", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_request, response) => sendJson(response, 200, {}));
  });
  afterAll(closeServers);

  async function send(body: BodySpec, value: unknown): Promise<RecordedRequest> {
    await runtimeFor(server.url).endpoint<object, unknown>(operation({ method: "POST", path: "/upload", body }))({ body: value });
    const request = server.requests.at(-1);
    if (!request) throw new Error("no request arrived");
    return request;
  }

  it("are written as RFC 3339 text in UTC in form fields and multipart parts", async () => {
    const form = await send({ kind: "form", mediaType: "application/x-www-form-urlencoded" }, { at: when });
    expect(new URLSearchParams(form.body.toString()).get("at")).toBe("2024-05-06T07:08:09.000Z");
    const multipart = await send({ kind: "multipart", mediaType: "multipart/form-data" }, { at: when, meta: { takenAt: when } });
    const parts = await new Response(new Uint8Array(multipart.body), { headers: { "content-type": String(multipart.headers["content-type"]) } }).formData();
    expect(parts.get("at")).toBe("2024-05-06T07:08:09.000Z");
    const meta = parts.get("meta");
    expect(meta).toBeInstanceOf(Blob);
    expect(JSON.parse(await (meta as Blob).text())).toEqual({ takenAt: "2024-05-06T07:08:09.000Z" });
  });

  it("pass validateRequests, while text that is no date-time does not", async () => {
    const spec = operation({ method: "POST", path: "/upload", params: [param("since", "query", { schema: isoDateTime })], body: { kind: "json", mediaType: "application/json", schema: z.object({ at: isoDateTime }) } });
    const endpoint = runtimeFor(server.url, { validateRequests: true }).endpoint<object, unknown>(spec);
    await endpoint({ since: when, body: { at: when } });
    expect(server.requests.at(-1)?.query.get("since")).toBe("2024-05-06T07:08:09.000Z");
    expect(JSON.parse(server.requests.at(-1)?.body.toString() ?? "")).toEqual({ at: "2024-05-06T07:08:09.000Z" });
    await expect(endpoint({ since: "yesterday", body: { at: new Date(Number.NaN) } })).rejects.toThrow(RequestValidationError);
  });
});

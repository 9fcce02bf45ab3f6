import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, RequestValidationError, ResponseValidationError, type OperationSpec, type ValidationMode } from "../../runtime/index.js";
import { closeServers, sendJson, startServer } from "../support/http-server.js";
import { memoryLogger, operation, param, runtimeFor } from "../support/runtime-fixtures.js";

afterEach(closeServers);

const Pet = z.object({ id: z.number(), name: z.string(), tags: z.array(z.string()) });

/** A schema made on first use, counting how often, like the inline schemas of generated operation specs. */
function countingThunk<T extends z.ZodType>(schema: T): { schema: () => T; builds: () => number } {
  let builds = 0;
  return {
    schema: () => {
      builds++;
      return schema;
    },
    builds: () => builds,
  };
}

async function getPet(body: unknown, validate?: ValidationMode, status = 200) {
  const lazy = countingThunk(Pet);
  const logger = memoryLogger();
  const server = await startServer((_q, response) => sendJson(response, status, body));
  const op: OperationSpec = operation({
    id: "getPet",
    path: "/pets/1",
    responses: { "200": { kind: "json", schema: lazy.schema }, "404": { kind: "json", schema: lazy.schema } },
  });
  const endpoint = runtimeFor(server.url, { logger, logLevel: "warn", ...(validate && { validate }) }).endpoint<object, unknown>(op);
  const outcome = await endpoint({}).then(
    (data) => ({ data, error: undefined }),
    (error: unknown) => ({ data: undefined, error }),
  );
  return { ...outcome, lines: logger.lines, builds: lazy.builds() };
}

const wrong = { id: "1", name: "Rex", tags: ["a", 2] };

describe("response validation", () => {
  it("is strict by default: a mismatching body throws ResponseValidationError with paths and the raw body", async () => {
    const { error } = await getPet(wrong);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const validation = error as ResponseValidationError;
    expect(validation.operation).toBe("getPet");
    expect(validation.status).toBe(200);
    expect(validation.body).toEqual(wrong);
    expect(validation.issues.map((issue) => issue.path)).toEqual([["id"], ["tags", 1]]);
    expect(validation.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/pets\/1 returned 200 with a body that does not match its schema \(getPet\): id: .+; tags\[1\]: /);
  });

  it("returns zod's parsed output when the body matches", async () => {
    const { data } = await getPet({ id: 1, name: "Rex", tags: [], owner: "stripped" });
    expect(data).toEqual({ id: 1, name: "Rex", tags: [] });
  });

  it("logs the mismatch at warn and returns the body as received with 'warn'", async () => {
    const { data, error, lines } = await getPet(wrong, "warn");
    expect(error).toBeUndefined();
    expect(data).toEqual(wrong);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn \[Test API\] GET .* does not match its schema \(getPet\): id: /);
  });

  it("never builds the schema with 'off'", async () => {
    const { data, builds, lines } = await getPet(wrong, "off");
    expect(data).toEqual(wrong);
    expect(builds).toBe(0);
    expect(lines).toEqual([]);
  });

  it("builds the schema on the first check only", async () => {
    const lazy = countingThunk(Pet);
    const server = await startServer((_q, response) => sendJson(response, 200, { id: 1, name: "Rex", tags: [] }));
    const endpoint = runtimeFor(server.url).endpoint<object, unknown>(operation({ path: "/p", responses: { "200": { kind: "json", schema: lazy.schema } } }));
    expect(lazy.builds()).toBe(0);
    await endpoint({});
    await endpoint({});
    expect(lazy.builds()).toBe(1);
  });

  it("can be overridden per call", async () => {
    const server = await startServer((_q, response) => sendJson(response, 200, wrong));
    const endpoint = runtimeFor(server.url).endpoint<object, unknown>(operation({ path: "/p", responses: { "200": { kind: "json", schema: Pet } } }));
    await expect(endpoint({})).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(endpoint({}, { validate: "off" })).resolves.toEqual(wrong);
  });
});

describe("error body validation", () => {
  it("throws the ApiError in strict mode even when its body mismatches, marking it with bodyIssues", async () => {
    const { error } = await getPet({ oops: true }, "strict", 404);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.body).toEqual({ oops: true });
    expect(apiError.bodyIssues?.length).toBeGreaterThan(0);
    expect(apiError.message).toContain("its body does not match the declared schema");
  });

  it("returns zod's output as the body when the error body matches", async () => {
    const { error } = await getPet({ id: 1, name: "Rex", tags: [], extra: 1 }, "strict", 404);
    expect((error as ApiError).body).toEqual({ id: 1, name: "Rex", tags: [] });
    expect((error as ApiError).bodyIssues).toBeUndefined();
  });

  it("logs an error body mismatch with 'warn' and leaves bodyIssues unset", async () => {
    const { error, lines } = await getPet({ oops: true }, "warn", 404);
    expect((error as ApiError).bodyIssues).toBeUndefined();
    expect(lines.filter((line) => line.startsWith("warn"))).toHaveLength(1);
  });
});

describe("request validation", () => {
  const addPet = operation({
    id: "addPet",
    method: "POST",
    path: "/pets",
    params: [param("limit", "query", { schema: () => z.number().int().max(100) })],
    body: { kind: "json", mediaType: "application/json", schema: Pet },
  });

  it("throws RequestValidationError before sending, with paths under the argument's key", async () => {
    const server = await startServer((_q, response) => sendJson(response, 200, {}));
    const endpoint = runtimeFor(server.url, { validateRequests: true }).endpoint<object, unknown>(addPet);
    const error: unknown = await endpoint({ limit: 500, body: { id: 1, name: 2, tags: [] } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((issue) => issue.path)).toEqual([["limit"], ["body", "name"]]);
    expect((error as RequestValidationError).message).toMatch(/^Invalid arguments for POST \/pets \(addPet\): limit: .+; body\.name: /);
    expect(server.requests).toHaveLength(0);
  });

  it("sends valid arguments, and does not check requests unless asked", async () => {
    const server = await startServer((_q, response) => sendJson(response, 200, {}));
    await runtimeFor(server.url, { validateRequests: true }).endpoint<object, unknown>(addPet)({ limit: 5, body: { id: 1, name: "Rex", tags: [] } });
    await runtimeFor(server.url).endpoint<object, unknown>(addPet)({ limit: 500, body: { name: 2 } });
    expect(server.requests.map((request) => request.rawQuery)).toEqual(["limit=5", "limit=500"]);
  });
});

/**
 * An SDK generated with `--validate off` passes in no validation feature (it has no validators):
 * its clients and cores refuse to validate, loudly, rather than return unchecked data as checked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createRuntime, SdkError } from "../../runtime/index.js";
import * as features from "../../runtime/features.js";
import { closeServers, sendJson, startServer, type TestServer } from "../support/http-server.js";
import { operation } from "../support/runtime-fixtures.js";

const { validation, ...rest } = features;

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, 200, { id: "not a number" }));
});
afterAll(closeServers);

const unvalidatedApi = () => ({ title: "T", securitySchemes: {}, validate: "off" as const, features: rest });
const getPet = operation({ path: "/pets/1", responses: { "200": { kind: "json", schema: () => z.object({ id: z.number() }) } } });

describe("a client of an SDK without validators", () => {
  it("returns bodies unchecked under its default, validate: off", async () => {
    const runtime = createRuntime({ baseUrl: server.url, logLevel: "off" }, unvalidatedApi());
    await expect(runtime.endpoint(getPet)({})).resolves.toEqual({ id: "not a number" });
  });

  it.each([{ validate: "strict" as const }, { validate: "warn" as const }, { validateRequests: true }])("refuses to be created with %o, naming the option and the fix", (options) => {
    const create = () => createRuntime({ baseUrl: server.url, logLevel: "off", ...options }, unvalidatedApi());
    expect(create).toThrow(SdkError);
    expect(create).toThrow(/^createClient: (validate: "(strict|warn)"|validateRequests: true) needs validators, and this SDK was generated with --validate off, without them; regenerate it without that option to validate$/);
  });

  it("rejects a call that asks for validation with an SdkError, before sending it", async () => {
    const before = server.requests.length;
    const runtime = createRuntime({ baseUrl: server.url, logLevel: "off" }, unvalidatedApi());
    const error = await runtime.endpoint(getPet)({}, { validate: "strict" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkError);
    expect((error as Error).message).toBe('testOperation: validate: "strict" needs validators, and this SDK was generated with --validate off, without them; regenerate it without that option to validate');
    expect(server.requests.length).toBe(before);
  });
});

it("a client with the validation feature checks the same body", async () => {
  const runtime = createRuntime({ baseUrl: server.url, logLevel: "off" }, { ...unvalidatedApi(), validate: "strict", features: { ...rest, validation } });
  await expect(runtime.endpoint(getPet)({})).rejects.toMatchObject({ name: "ResponseValidationError" });
});

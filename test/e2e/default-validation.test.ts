/**
 * An SDK generated with `validate: "warn"` (test/support/e2e-sdks.ts) against the Petstore server:
 * its clients log a body that breaks the schema and return it, unless the client or the call
 * asks for another mode.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, ResponseValidationError } from "../.out/sdk/petstore-warn/index.js";
import * as strictDefault from "../.out/sdk/petstore/index.js";
import { startPetstore, type PetstoreServer } from "./petstore-server.js";

let server: PetstoreServer;

beforeAll(async () => {
  server = await startPetstore();
});
afterAll(() => server.close());

function recordingLogger() {
  const warnings: string[] = [];
  return { warnings, logger: { debug() {}, info() {}, warn: (line: string) => warnings.push(line), error() {} } };
}

describe("an SDK generated with validate: warn", () => {
  it("returns a body that does not match its schema, and logs why", async () => {
    const { warnings, logger } = recordingLogger();
    const api = createClient({ baseUrl: server.baseUrl, logger, auth: { bearerAuth: "t" } });
    expect(await api.pets.getPetById({ petId: 888 })).toEqual({ id: "888", tag: "ghost" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("getPetById");
    expect(warnings[0]).toMatch(/name/);
  });

  it("still throws when the client asks for validate: strict", async () => {
    const { warnings, logger } = recordingLogger();
    const api = createClient({ baseUrl: server.baseUrl, logger, validate: "strict", auth: { bearerAuth: "t" } });
    await expect(api.pets.getPetById({ petId: 888 })).rejects.toBeInstanceOf(ResponseValidationError);
    expect(await api.pets.getPetById({ petId: 888 }, { validate: "off" })).toEqual({ id: "888", tag: "ghost" });
    expect(warnings).toEqual([]);
  });

  it("lets one call be strict", async () => {
    const api = createClient({ baseUrl: server.baseUrl, logLevel: "off", auth: { bearerAuth: "t" } });
    await expect(api.pets.getPetById({ petId: 888 }, { validate: "strict" })).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it("leaves SDKs generated without the option strict", async () => {
    const api = strictDefault.createClient({ baseUrl: server.baseUrl, logLevel: "off", auth: { bearerAuth: "t" } });
    await expect(api.pets.getPetById({ petId: 888 })).rejects.toBeInstanceOf(strictDefault.ResponseValidationError);
  });
});

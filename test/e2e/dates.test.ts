/**
 * An SDK generated with `dates: "date"` against the Petstore server over a real socket: date-time
 * values are Dates in results on every validation path, and Dates in requests go out as RFC 3339.
 * The same with validators written in zod/mini (`zod: "mini"`).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as classic from "../.out/sdk/petstore-dates/index.js";
import * as classicKit from "../.out/sdk/petstore-dates/testing.js";
import * as mini from "../.out/sdk/petstore-dates-mini/index.js";
import * as miniKit from "../.out/sdk/petstore-dates-mini/testing.js";
import { memoryLogger } from "../support/runtime-fixtures.js";
import { startPetstore, type PetstoreServer } from "./petstore-server.js";

const created = new Date("2026-01-02T03:04:05Z");
const auth = { bearerAuth: "t", api_key: "secret-key" };

let server: PetstoreServer;
beforeAll(async () => {
  server = await startPetstore();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const sdks = [
  { validators: "classic zod", createClient: classic.createClient, createMockApi: classicKit.createMockApi },
  { validators: "zod/mini", createClient: mini.createClient, createMockApi: miniKit.createMockApi },
];

describe.each(sdks)("with $validators validators", ({ createClient, createMockApi }) => {
  describe("a dates SDK's results", () => {
    it("hold Dates when the body is validated, whatever the offset on the wire", async () => {
      const api = createClient({ baseUrl: server.baseUrl, logLevel: "off", auth });
      const pet: classic.Pet = await api.pets.getPetById({ petId: 1 });
      const createdAt: Date | undefined = pet.createdAt;
      expect(createdAt).toEqual(created);
      const pets = await api.pets.listPets();
      expect(pets.map((each) => each.createdAt)).toEqual([created, new Date("2026-01-02T01:04:05Z")]);
    });

    it("hold Dates with validate off, when a warned mismatch returns the body, and beside an unlisted value", async () => {
      const logger = memoryLogger();
      const api = createClient({ baseUrl: server.baseUrl, logger, auth });
      expect((await api.pets.getPetById({ petId: 1 }, { validate: "off" })).createdAt).toEqual(created);
      expect(await api.pets.getPetById({ petId: 889 }, { validate: "warn" })).toEqual({ id: "889", name: "Ghost", createdAt: created });
      expect(await api.pets.getPetById({ petId: 778 })).toEqual({ id: 778, name: "Newt", status: "adopted", createdAt: created });
      expect(logger.lines).toEqual([expect.stringContaining("does not match"), expect.stringContaining('status = "adopted"')]);
    });
  });

  describe("Dates in a dates SDK's requests", () => {
    it("are sent as RFC 3339 in UTC and pass validateRequests", async () => {
      const api = createClient({ baseUrl: server.baseUrl, logLevel: "off", auth, validateRequests: true });
      const takenAt = new Date("2026-03-04T05:06:07+01:00");
      await api.pets.uploadPetPhoto({ petId: 1, body: { file: new Blob(["png"]), metadata: { takenAt, camera: "X" } } });
      const request = server.requests.at(-1);
      const form = await new Response(new Uint8Array(request?.body ?? Buffer.alloc(0)), { headers: { "content-type": String(request?.headers["content-type"]) } }).formData();
      const metadata = form.get("metadata");
      expect(metadata).toBeInstanceOf(Blob);
      expect(JSON.parse(await (metadata as Blob).text())).toEqual({ takenAt: "2026-03-04T04:06:07.000Z", camera: "X" });
    });
  });

  describe("a dates SDK's parameters", () => {
    it("are sent as RFC 3339 in UTC with validation off", async () => {
      const api = createClient({ baseUrl: server.baseUrl, logLevel: "off", auth, validate: "off" });
      await api.pets.searchPets({ bornAfter: new Date("2026-03-04T05:06:07+01:00") });
      expect(new URL(server.requests.at(-1)?.url ?? "", server.baseUrl).searchParams.get("bornAfter")).toBe("2026-03-04T04:06:07.000Z");
    });
  });

  describe("the testing kit of a dates SDK", () => {
    it("takes Dates in replies and hands them to the client as Dates", async () => {
      const mock = createMockApi();
      const api = createClient({ baseUrl: "http://api.test/v1", fetch: mock.fetch, logLevel: "off", auth });
      mock.pets.getPetById.returns({ id: 1, name: "Rex", createdAt: created });
      expect(await api.pets.getPetById({ petId: 1 })).toEqual({ id: 1, name: "Rex", createdAt: created });
    });

    it("records the Dates a call was given", async () => {
      const mock = createMockApi();
      const api = createClient({ baseUrl: "http://api.test/v1", fetch: mock.fetch, logLevel: "off", auth });
      mock.pets.uploadPetPhoto.returns({ url: "/photo", size: 3 });
      await api.pets.uploadPetPhoto({ petId: 1, body: { file: new Blob(["png"]), metadata: { takenAt: created } } });
      expect(mock.pets.uploadPetPhoto.calls.map((call) => call.body.metadata)).toEqual([{ takenAt: created }]);
    });

    it("fakes date-times that reach the client as Dates", async () => {
      const mock = createMockApi();
      const api = createClient({ baseUrl: "http://api.test/v1", fetch: mock.fetch, logLevel: "off", auth });
      mock.pets.listPets.returnsFake({ seed: 3 });
      const createdAts = (await Promise.all([1, 2, 3, 4, 5, 6].map(() => api.pets.listPets()))).flat().map((pet) => pet.createdAt);
      expect(createdAts.filter((value) => value !== undefined).length).toBeGreaterThan(0);
      for (const value of createdAts) if (value !== undefined) expect(value).toBeInstanceOf(Date);
    });
  });
});

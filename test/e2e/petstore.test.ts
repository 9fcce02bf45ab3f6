/**
 * The generated Petstore SDK against a real HTTP server on 127.0.0.1: every method, parameter
 * location and body kind of fixtures/petstore.yaml, over a real socket; its validation also with
 * validators written in zod/mini.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError, createClient, ResponseValidationError, type Client, type Pet, type PetStatus } from "../.out/sdk/petstore/index.js";
import * as miniSdk from "../.out/sdk/petstore-mini/index.js";
import * as strictSdk from "../.out/sdk/petstore-strict/index.js";
import { PHOTO_BYTES, startPetstore, type PetstoreServer } from "./petstore-server.js";

let server: PetstoreServer;
let api: Client;

beforeAll(async () => {
  server = await startPetstore();
  // Expected errors are the point of several tests: keep the default error log lines out of the output.
  api = createClient({ baseUrl: server.baseUrl, logLevel: "off", auth: { bearerAuth: async () => "token-123", api_key: "secret-key" } });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function lastRequest() {
  const request = server.requests.at(-1);
  if (!request) throw new Error("the server received no request");
  return request;
}

describe("the generated Petstore SDK", () => {
  it("GETs with query and header parameters and returns the typed body", async () => {
    const pets: Pet[] = await api.pets.listPets({ limit: 5, tags: ["dog", "cat"], "X-Request-Id": "req-1" });
    expect(pets.map((pet) => pet.name)).toEqual(["Rex", "Tom"]);
    const request = lastRequest();
    expect(request.method).toBe("GET");
    expect(request.url).toBe("/v1/pets?limit=5&tags=dog&tags=cat");
    expect(request.headers["x-request-id"]).toBe("req-1");
    expect(request.headers.authorization).toBe("Bearer token-123");
  });

  it("lets args be omitted when nothing is required", async () => {
    const pets = await api.pets.listPets();
    expect(pets.length).toBeGreaterThan(0);
    expect(lastRequest().url).toBe("/v1/pets");
  });

  it("returns status and headers with withResponse", async () => {
    const response = await api.pets.listPets.withResponse({ "X-Request-Id": "req-2" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-next")).toBe("/v1/pets?page=2");
    expect(response.data[0]?.name).toBe("Rex");
  });

  it("POSTs a JSON body and returns the created resource", async () => {
    const created = await api.pets.addPet({ body: { name: "Nemo", tag: "fish", status: "pending" } });
    expect(created).toMatchObject({ name: "Nemo", tag: "fish", status: "pending" });
    expect(typeof created.id).toBe("number");
    const request = lastRequest();
    expect(request.method).toBe("POST");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body.toString("utf8"))).toEqual({ name: "Nemo", tag: "fish", status: "pending" });
  });

  it("throws an ApiError whose body is typed by the declared error response", async () => {
    const error = await api.pets.addPet({ body: { name: "" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    if (!api.pets.addPet.isError(error)) throw new Error("expected a declared addPet error");
    expect(error.status).toBe(422);
    expect(error.body.fields).toEqual(["name"]);
    expect(error.message).toContain("422");
  });

  it("substitutes path parameters and narrows a 404 by status", async () => {
    expect((await api.pets.getPetById({ petId: 2 })).name).toBe("Tom");
    expect(lastRequest().url).toBe("/v1/pets/2");
    const error = await api.pets.getPetById({ petId: 999 }).catch((e: unknown) => e);
    if (!api.pets.getPetById.isError(error) || error.status !== 404) throw new Error("expected a 404");
    expect(error.body.message).toBe("pet 999 not found");
  });

  it("PUTs, PATCHes with merge-patch+json, and DELETEs with an empty result", async () => {
    const { id } = await api.pets.addPet({ body: { name: "Dory" } });
    const replaced = await api.pets.updatePet({ petId: id, body: { name: "Dory II", status: "available" } });
    expect(replaced).toMatchObject({ id, name: "Dory II", status: "available" });
    expect(lastRequest().method).toBe("PUT");

    const patched = await api.pets.patchPet({ petId: id, body: { status: "sold" } });
    expect(patched.status).toBe("sold");
    expect(lastRequest().method).toBe("PATCH");
    expect(lastRequest().headers["content-type"]).toBe("application/merge-patch+json");

    await expect(api.pets.deletePet({ petId: id })).resolves.toBeUndefined();
    expect(lastRequest().method).toBe("DELETE");
    await expect(api.pets.getPetById({ petId: id })).rejects.toMatchObject({ status: 404 });
  });

  it("sends multipart bodies with a file, strings and arrays", async () => {
    const file = new Blob([new Uint8Array([1, 2, 3, 4, 5])], { type: "image/png" });
    const stored = await api.pets.uploadPetPhoto({ petId: 1, body: { file, caption: "at the beach", tags: ["a", "b"] } });
    expect(stored).toEqual({ url: "/v1/pets/1/photo", size: 5, caption: "at the beach" });
    const request = lastRequest();
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Request("http://x/", { method: "POST", headers: { "content-type": String(request.headers["content-type"]) }, body: new Uint8Array(request.body) }).formData();
    expect(form.getAll("tags")).toEqual(["a", "b"]);
  });

  it("sends application/x-www-form-urlencoded bodies", async () => {
    const pet = await api.pets.updatePetForm({ petId: 1, body: { name: "Rex", status: "available" } });
    expect(pet.status).toBe("available");
    const request = lastRequest();
    expect(request.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request.body.toString("utf8")).toBe("name=Rex&status=available");
  });

  it("returns binary content as an unread Response", async () => {
    const response: Response = await api.pets.downloadPetPhoto({ petId: 1 });
    expect(response.bodyUsed).toBe(false);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PHOTO_BYTES);
  });

  it("returns text content as a string", async () => {
    const report: string = await api.pets.getPetHealth({ petId: 1 });
    expect(report).toBe("Rex is healthy");
  });

  it("serializes deepObject query parameters and cookies", async () => {
    const pets = await api.pets.searchPets({ filter: { name: "Rex", age: { gte: 1 } }, session: "abc" });
    expect(pets.map((pet) => pet.name)).toEqual(["Rex"]);
    const request = lastRequest();
    expect(decodeURIComponent(request.url)).toBe("/v1/pets/search?filter[name]=Rex&filter[age][gte]=1");
    expect(request.headers.cookie).toBe("session=abc");
  });

  it("applies the api key only where the operation requires it", async () => {
    const inventory = await api.store.getInventory();
    expect(inventory.sold).toBe(1);
    expect(Object.values(inventory).every((count) => Number.isInteger(count))).toBe(true);
    const request = lastRequest();
    expect(request.headers["x-api-key"]).toBe("secret-key");
    expect(request.headers.authorization).toBeUndefined();
  });

  it("sends no credentials to an operation with empty security", async () => {
    await expect(api.ping()).resolves.toBeUndefined();
    expect(lastRequest().headers.authorization).toBeUndefined();
  });

  it("uses the spec's server URL when no baseUrl is given", async () => {
    // No server answers at the spec's host, so a custom fetch records where the call would go.
    const seen: string[] = [];
    const offline = createClient({
      fetch: async (input) => {
        seen.push(input instanceof Request ? input.url : String(input));
        return new Response("[]", { headers: { "content-type": "application/json" } });
      },
    });
    await offline.pets.listPets({ limit: 1 });
    expect(seen).toEqual(["https://petstore.example.com/v1/pets?limit=1"]);
  });

  it("rejects an unlisted enum value when the SDK was generated with --strict", async () => {
    const strict = strictSdk.createClient({ baseUrl: server.baseUrl, logLevel: "off", auth: { bearerAuth: "t" } });
    await expect(strict.pets.getPetById({ petId: 777 })).rejects.toBeInstanceOf(strictSdk.ResponseValidationError);
  });
});

const sdks = [
  { validators: "classic zod", createClient, ResponseValidationError },
  { validators: "zod/mini", createClient: miniSdk.createClient, ResponseValidationError: miniSdk.ResponseValidationError },
];

describe.each(sdks)("the Petstore SDK's validation with $validators validators", ({ createClient, ResponseValidationError }) => {
  it.each(["strict", "off"] as const)("never lets __proto__ or constructor keys pollute prototypes (validate %s)", async (validate) => {
    const api = createClient({ baseUrl: server.baseUrl, logLevel: "off", auth: { bearerAuth: "t" } });
    const pet = await api.pets.getPetById({ petId: 666 }, { validate });
    expect(pet.name).toBe("Imp");
    expect(Reflect.get(pet, "polluted")).toBeUndefined();
    expect(Reflect.get({}, "polluted")).toBeUndefined();
    expect(Reflect.get(Object.prototype, "polluted")).toBeUndefined();
  });

  it("accepts an enum value the spec does not list, typed Unlisted, and logs it once", async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (line: string) => warnings.push(line), error() {} };
    const tolerant = createClient({ baseUrl: server.baseUrl, logger, auth: { bearerAuth: "t" } });
    const pet = await tolerant.pets.getPetById({ petId: 777 });
    await tolerant.pets.getPetById({ petId: 777 });
    expect(pet.status).toBe("adopted");
    const status: PetStatus | undefined = pet.status;
    expect(status).toBe("adopted");
    expect(warnings).toEqual([expect.stringContaining('status = "adopted"')]);
  });

  it("rejects a body that does not match its schema with ResponseValidationError, naming the field", async () => {
    const api = createClient({ baseUrl: server.baseUrl, logLevel: "off", auth: { bearerAuth: "t" } });
    const error: unknown = await api.pets.getPetById({ petId: 888 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(String(error)).toMatch(/\bid\b/);
  });
});

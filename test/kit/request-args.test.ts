/**
 * The mock reads each request back into the args the SDK function was called with: every
 * parameter style and location of fixtures/parameters.yaml and every body kind of the Petstore
 * round-trips through the real generated SDK into `calls`.
 */
import { describe, expect, it } from "vitest";
import { createClient as createParametersClient } from "../.out/sdk/parameters/index.js";
import { createMockApi as mockParameters } from "../.out/sdk/parameters/testing.js";
import { createClient as createPetstoreClient } from "../.out/sdk/petstore/index.js";
import { createMockApi as mockPetstore } from "../.out/sdk/petstore/testing.js";

const baseUrl = "http://api.test/v1";

describe("calls record the args each call received", () => {
  const mock = mockParameters();
  const api = createParametersClient({ baseUrl, fetch: mock.fetch, logLevel: "off" });
  const point = { x: 1, y: 2 };

  it.each([
    ["pathSimple", () => api.pathSimple({ id: 5, ids: [3, 4, 5], point, idsExploded: [3, 4, 5], pointExploded: point }), mock.pathSimple],
    ["pathLabel", () => api.pathLabel({ id: 5, ids: [3, 4, 5], point, idsExploded: [3, 4, 5], pointExploded: point }), mock.pathLabel],
    ["pathMatrix", () => api.pathMatrix({ id: 5, ids: [3, 4, 5], point, idsExploded: [3, 4, 5], pointExploded: point }), mock.pathMatrix],
  ] as const)("path parameters in %s style", async (_, run, operation) => {
    operation.returns(undefined);
    await run();
    expect(operation.calls).toEqual([{ id: 5, ids: [3, 4, 5], point, idsExploded: [3, 4, 5], pointExploded: point }]);
  });

  it("query parameters in every style", async () => {
    mock.queryStyles.returns(undefined);
    const args = {
      tags: ["a", "b c"],
      ids: [3, 4, 5],
      point,
      bbox: { x: 3, y: 4 },
      words: ["hello", "world"],
      colors: ["red", "blue"] as ("red" | "blue")[],
      filter: { name: "Rex & co", age: { gte: 1, lte: 9 } },
      redirect: "https://x.test/a?b=c",
      where: { q: "dogs", fuzzy: true },
      sort: "name",
      order: "desc" as const,
    };
    await api.queryStyles(args);
    expect(mock.queryStyles.calls).toEqual([args]);
  });

  it("header and cookie parameters", async () => {
    mock.headersAndCookies.returns(undefined);
    const args = { "X-Trace-Id": "t-1", "X-Tags": ["a", "b"], "X-Point": point, "X-Max-Age": 30, session: "abc=1", prefs: ["dark", "compact"], consent: true };
    await api.headersAndCookies(args);
    expect(mock.headersAndCookies.calls).toEqual([args]);
  });

  it("names that need quoting, and a path and a query parameter of the same name", async () => {
    mock.searchWithOddNames.returns([]);
    mock.getDocument.returns({ title: "T" });
    await api.searchWithOddNames({ "page[size]": 10, "filter.name": "x", "2fa": false });
    await api.getDocument({ id: "doc/1", "query.id": 7 });
    expect(mock.searchWithOddNames.calls).toEqual([{ "page[size]": 10, "filter.name": "x", "2fa": false }]);
    expect(mock.getDocument.calls).toEqual([{ id: "doc/1", "query.id": 7 }]);
  });
});

describe("bodies are read back per their media type", () => {
  const mock = mockPetstore();
  const api = createPetstoreClient({ baseUrl, fetch: mock.fetch, logLevel: "off" });
  const pet = { id: 1, name: "Rex" };

  it("JSON", async () => {
    mock.pets.addPet.returns(pet, { status: 201 });
    await api.pets.addPet({ body: { name: "Rex", tag: "dog", status: "available" } });
    expect(mock.pets.addPet.calls).toEqual([{ body: { name: "Rex", tag: "dog", status: "available" } }]);
  });

  it("form-urlencoded", async () => {
    mock.pets.updatePetForm.returns(pet);
    await api.pets.updatePetForm({ petId: 1, body: { name: "Rex", status: "sold" } });
    expect(mock.pets.updatePetForm.calls).toEqual([{ petId: 1, body: { name: "Rex", status: "sold" } }]);
  });

  it("multipart, with a file, a repeated part and a JSON part", async () => {
    mock.pets.uploadPetPhoto.returns({ url: "/photos/1", size: 3 });
    const file = new File([new Uint8Array([1, 2, 3])], "rex.png", { type: "image/png" });
    await api.pets.uploadPetPhoto({ petId: 1, body: { file, caption: "Rex", tags: ["a", "b"], metadata: { camera: "x" } } });
    const [call] = mock.pets.uploadPetPhoto.calls;
    expect(call).toMatchObject({ petId: 1, body: { caption: "Rex", tags: ["a", "b"], metadata: { camera: "x" } } });
    const received = call?.body.file;
    if (!(received instanceof Blob)) throw new Error("the mock did not read the file part back as a Blob");
    expect(new Uint8Array(await received.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("a deepObject query and a cookie beside it", async () => {
    mock.pets.searchPets.returns([]);
    await api.pets.searchPets({ filter: { name: "Rex", age: { gte: 1 } }, session: "s1" });
    expect(mock.pets.searchPets.calls).toEqual([{ filter: { name: "Rex", age: { gte: 1 } }, session: "s1" }]);
  });
});

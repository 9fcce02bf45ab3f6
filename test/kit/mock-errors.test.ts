/**
 * How the kit fails a test: requests nothing answers, replies the spec does not allow, replies
 * never used. Each message names what to fix.
 */
import { describe, expect, it } from "vitest";
import { createClient } from "../.out/sdk/petstore/index.js";
import { createMockApi, MockError } from "../.out/sdk/petstore/testing.js";

function setup() {
  const mock = createMockApi();
  const api = createClient({ baseUrl: "http://petstore.test/v1", fetch: mock.fetch, logLevel: "off" });
  return { mock, api };
}

describe("requests no reply answers", () => {
  it("names the method, the URL and the closest operation when no operation matches", async () => {
    const { mock } = setup();
    const request = mock.fetch("http://petstore.test/v1/pet/7", { method: "GET" });
    await expect(request).rejects.toThrow(
      new MockError("mock: no operation matches GET http://petstore.test/v1/pet/7; the closest is getPetById (GET /pets/{petId})"),
    );
  });

  it("counts a wrong method as one edit when looking for the closest operation", async () => {
    const { mock } = setup();
    await expect(mock.fetch("http://petstore.test/v1/store/inventory", { method: "DELETE" })).rejects.toThrow(
      "mock: no operation matches DELETE http://petstore.test/v1/store/inventory; the closest is getInventory (GET /store/inventory)",
    );
  });

  it("says which operation a request was for when it has no reply registered", async () => {
    const { mock, api } = setup();
    await expect(api.pets.getPetById({ petId: 3 })).rejects.toThrow(
      "mock: no reply for GET http://petstore.test/v1/pets/3: it is a call of getPetById (GET /pets/{petId}), which has none registered; register one with mock.pets.getPetById.returns(…)",
    );
    expect(mock.pets.getPetById.calls).toEqual([{ petId: 3 }]);
  });

  it("fails assertAllCalled() even when the code under test swallowed the error", async () => {
    const { mock, api } = setup();
    await api.ping().catch(() => undefined);
    expect(() => mock.assertAllCalled()).toThrow(/^mock: no reply for GET http:\/\/petstore\.test\/v1\/ping/);
    mock.reset();
    expect(() => mock.assertAllCalled()).not.toThrow();
  });

  it("only matches the given baseUrl when one is given", async () => {
    const mock = createMockApi({ baseUrl: "http://petstore.test/v1" });
    mock.ping.returns(undefined);
    await expect(mock.fetch("http://other.test/v1/ping")).rejects.toThrow("mock: no operation matches GET http://other.test/v1/ping");
    expect((await mock.fetch("http://petstore.test/v1/ping")).status).toBe(204);
  });
});

describe("replies the spec does not allow", () => {
  it("rejects a body of the wrong shape, naming each issue's path", () => {
    const { mock } = setup();
    // @ts-expect-error -- the type says so too: `name` must be a string
    expect(() => mock.pets.getPetById.returns({ id: "1", name: 7 })).toThrow(
      "mock.pets.getPetById.returns(): the body is not a valid 200 response of getPetById (GET /pets/{petId}): id: Invalid input: expected number, received string; name: Invalid input: expected string, received number",
    );
  });

  it("rejects a value the types allow but the schema does not", () => {
    const { mock } = setup();
    expect(() => mock.pets.getPetById.returns({ id: 1, name: "" })).toThrow(
      "mock.pets.getPetById.returns(): the body is not a valid 200 response of getPetById (GET /pets/{petId}): name: Too small: expected string to have >=1 characters",
    );
  });

  it("rejects an error status the operation does not declare", () => {
    const { mock } = setup();
    // @ts-expect-error -- 500 is not among getPetById's error statuses
    expect(() => mock.pets.getPetById.returns({ code: 500, message: "x" }, { status: 500 })).toThrow(
      "mock.pets.getPetById.returns(): getPetById (GET /pets/{petId}) declares no 500 response (declared: 200, 404)",
    );
  });

  it("checks a handler's replies when it answers", async () => {
    const { mock, api } = setup();
    mock.pets.getPetById.handles(() => ({ status: 404, body: { code: 404, message: "x" } }));
    await expect(api.pets.getPetById({ petId: 1 }).catch((error: unknown) => error)).resolves.toHaveProperty("status", 404);
    // A handler the types cannot check (a cast) is still checked against the schema.
    mock.pets.getPetById.handles(() => ({ body: { id: 1 } }) as never);
    await expect(api.pets.getPetById({ petId: 1 })).rejects.toThrow(
      "mock.pets.getPetById.handles(): the body is not a valid 200 response of getPetById (GET /pets/{petId}): name: Invalid input: expected string, received undefined",
    );
  });

  it("sends declared statuses through returns(), so their bodies are checked", () => {
    const { mock } = setup();
    expect(() => mock.pets.getPetById.fails({ status: 404 })).toThrow(
      "mock.pets.getPetById.fails(): getPetById (GET /pets/{petId}) declares a 404 response; answer it with returns(body, { status: 404 }) so the body is checked",
    );
  });

  it("reports replies registered but never used", async () => {
    const { mock, api } = setup();
    mock.pets.getPetById.returnsOnce({ id: 1, name: "Rex" }).returnsOnce({ id: 2, name: "Tom" });
    mock.ping.returns(undefined);
    await api.pets.getPetById({ petId: 1 });
    expect(() => mock.assertAllCalled()).toThrow("mock: registered but never used: mock.pets.getPetById.returnsOnce(), mock.ping.returns()");
  });
});

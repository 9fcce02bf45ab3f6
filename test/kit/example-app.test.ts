/**
 * The example application module tested only through the kit: no server, no hand-written fetch
 * mock. This is the test a user of a generated SDK writes.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, ConnectionError, createClient, TimeoutError } from "../.out/sdk/petstore/index.js";
import { createMockApi } from "../.out/sdk/petstore/testing.js";
import { adoptableNames, petLabel, register } from "./example-app.js";

const mock = createMockApi();
// Retries wait at most 1 ms here, so the retry tests run fast; the policy is the SDK's own.
const api = createClient({ baseUrl: "http://petstore.test/v1", fetch: mock.fetch, logLevel: "off", retry: { baseDelay: 1, maxRetryAfter: 1 } });

afterEach(() => {
  mock.assertAllCalled();
  mock.reset();
});

describe("the example app, tested through the kit", () => {
  it("labels a pet", async () => {
    mock.pets.getPetById.returns({ id: 1, name: "Rex", tag: "dog" });
    expect(await petLabel(api, 1)).toBe("Rex (dog)");
    expect(mock.pets.getPetById.calls).toEqual([{ petId: 1 }]);
  });

  it("handles a typed 404", async () => {
    mock.pets.getPetById.returns({ code: 404, message: "gone" }, { status: 404 });
    expect(await petLabel(api, 7)).toBe("no pet 7: gone");
  });

  it("answers from a handler of the call's args", async () => {
    mock.pets.getPetById.handles(({ petId }) => (petId === 1 ? { body: { id: 1, name: "Rex" } } : { status: 404, body: { code: 404, message: `no ${petId}` } }));
    expect(await petLabel(api, 1)).toBe("Rex");
    expect(await petLabel(api, 2)).toBe("no pet 2: no 2");
  });

  it("retries after a 503 from the load balancer", async () => {
    mock.pets.getPetById.failsOnce({ status: 503, headers: { "retry-after": "0" } }).returns({ id: 1, name: "Rex" });
    expect(await petLabel(api, 1)).toBe("Rex");
    expect(mock.pets.getPetById.calls).toHaveLength(2);
  });

  it("rethrows the proxy's error once retries run out", async () => {
    mock.pets.getPetById.fails({ status: 503, body: "overloaded" });
    const error: unknown = await petLabel(api, 1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, body: "overloaded" });
    expect(api.pets.getPetById.isError(error)).toBe(false);
    expect(mock.pets.getPetById.calls).toHaveLength(3);
  });

  it("retries after a network failure, then gives up with ConnectionError", async () => {
    mock.pets.getPetById.fails({ network: true });
    await expect(petLabel(api, 1)).rejects.toBeInstanceOf(ConnectionError);
    expect(mock.pets.getPetById.calls).toHaveLength(3);
  });

  it("times out when the API answers later than the client waits", async () => {
    const impatient = createClient({ baseUrl: "http://petstore.test/v1", fetch: mock.fetch, logLevel: "off", timeout: 20, retry: 0 });
    mock.pets.getPetById.returns({ id: 1, name: "Rex" }, { delay: 60_000 });
    await expect(petLabel(impatient, 1)).rejects.toBeInstanceOf(TimeoutError);
  });

  it("sends the filters it was given", async () => {
    mock.pets.listPets.returns([{ id: 2, name: "Tom" }, { id: 1, name: "Rex" }]);
    expect(await adoptableNames(api, ["dog", "cat"])).toEqual(["Rex", "Tom"]);
    expect(mock.pets.listPets.calls).toEqual([{ status: "available", tags: ["dog", "cat"], limit: 50 }]);
  });

  it("explains a refused registration from the typed 422 body", async () => {
    mock.pets.addPet.returnsOnce({ code: 422, message: "invalid", fields: ["name"] }, { status: 422 }).returns({ id: 9, name: "Rex" });
    expect(await register(api, "")).toEqual({ refused: ["name"] });
    expect(await register(api, "Rex")).toEqual({ id: 9 });
    expect(mock.pets.addPet.calls.map((call) => call.body.name)).toEqual(["", "Rex"]);
  });

  it("works with fake data generated from the spec, the same for the same seed", async () => {
    mock.pets.listPets.returnsFake({ seed: 42 });
    const names = await adoptableNames(api, []);
    expect(names.every((name) => name.length > 0)).toBe(true);

    const other = createMockApi();
    other.pets.listPets.returnsFake({ seed: 42 });
    const otherApi = createClient({ baseUrl: "http://elsewhere.test", fetch: other.fetch, logLevel: "off" });
    expect(await adoptableNames(otherApi, [])).toEqual(names);
  });
});

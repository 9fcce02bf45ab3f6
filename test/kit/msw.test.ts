/**
 * The same mock mounted as an msw request handler, for tests that already run msw: the SDK uses
 * the global fetch, which msw intercepts.
 */
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApiError, ConnectionError, createClient } from "../.out/sdk/petstore/index.js";
import { createMockApi } from "../.out/sdk/petstore/testing.js";

const mock = createMockApi();
const server = setupServer(mock.mswHandler(http));
const api = createClient({ baseUrl: "http://petstore.test/v1", logLevel: "off", retry: 0 });

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  mock.assertAllCalled();
  mock.reset();
});
afterAll(() => server.close());

describe("the kit mounted in msw", () => {
  it("answers the operations with replies and records their calls", async () => {
    mock.pets.getPetById.returns({ id: 1, name: "Rex" });
    expect(await api.pets.getPetById({ petId: 1 })).toEqual({ id: 1, name: "Rex" });
    expect(mock.pets.getPetById.calls).toEqual([{ petId: 1 }]);
  });

  it("answers declared errors, which the SDK throws as ApiError", async () => {
    mock.pets.getPetById.returns({ code: 404, message: "gone" }, { status: 404 });
    const error: unknown = await api.pets.getPetById({ petId: 2 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(api.pets.getPetById.isError(error) && error.body.message).toBe("gone");
  });

  it("simulates a network failure", async () => {
    mock.ping.fails({ network: true });
    await expect(api.ping()).rejects.toBeInstanceOf(ConnectionError);
  });

  it("leaves operations without replies to msw, which reports them unhandled", async () => {
    await expect(api.ping()).rejects.toBeInstanceOf(ConnectionError);
    expect(mock.ping.calls).toEqual([]);
  });
});

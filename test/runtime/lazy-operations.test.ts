/**
 * Generated SDKs pass operation specs as functions: creating a client must build none of them,
 * and each must be built once, on its endpoint's first use, however many calls and clients follow.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, type Endpoint, type OperationSpec } from "../../runtime/index.js";
import { createMock } from "../../runtime/testing/index.js";
import { closeServers, sendJson, startServer } from "../support/http-server.js";
import { operation, param, runtimeFor } from "../support/runtime-fixtures.js";

afterEach(closeServers);

const getPetSpec = operation({
  id: "getPet",
  path: "/pets/{id}",
  params: [param("id", "path")],
  responses: { "200": { kind: "json", schema: z.object({ name: z.string() }) }, "404": { kind: "json" } },
});

const listPetsSpec = operation({
  id: "listPets",
  path: "/pets",
  params: [param("offset", "query"), param("limit", "query")],
  pagination: { style: "offset", items: ["items"], offset: "offset", limit: "limit" },
});

async function petServer() {
  return startServer((request, response) => {
    if (request.path === "/pets/404") return sendJson(response, 404, { message: "no such pet" });
    if (request.path.startsWith("/pets/")) return sendJson(response, 200, { name: "Rex" });
    const offset = Number(request.query.get("offset") ?? 0);
    return sendJson(response, 200, { items: offset < 4 ? [offset, offset + 1] : [] });
  });
}

describe("operation specs given as functions", () => {
  it("are not built when endpoints are created, and built once across calls and clients", async () => {
    const server = await petServer();
    const getPet = vi.fn((): OperationSpec => getPetSpec);
    const listPets = vi.fn((): OperationSpec => listPetsSpec);
    const first = runtimeFor(server.url);
    const client = { getPet: first.endpoint<{ id: number }, { name: string }>(getPet), listPets: first.optionalPaginatedEndpoint<object, unknown, number>(listPets) };
    const other = runtimeFor(server.url).endpoint<{ id: number }, { name: string }>(getPet);
    expect(getPet).not.toHaveBeenCalled();
    expect(listPets).not.toHaveBeenCalled();

    expect(await client.getPet({ id: 1 })).toEqual({ name: "Rex" });
    expect((await client.getPet.withResponse({ id: 2 })).status).toBe(200);
    expect(await other({ id: 3 })).toEqual({ name: "Rex" });
    expect(client.getPet.operation).toBe(getPetSpec);
    expect(other.operation).toBe(getPetSpec);
    expect(getPet).toHaveBeenCalledTimes(1);

    expect(listPets).not.toHaveBeenCalled();
    const items: number[] = [];
    for await (const item of client.listPets.paginate({ limit: 2 })) items.push(item);
    for await (const page of client.listPets.pages({ limit: 2 }, { maxPages: 1 })) items.push(page.items.length);
    expect(items).toEqual([0, 1, 2, 3, 2]);
    expect(listPets).toHaveBeenCalledTimes(1);
  });

  it("are built by isError only for an ApiError it has to match", async () => {
    const server = await petServer();
    const getPet = vi.fn((): OperationSpec => getPetSpec);
    const endpoint: Endpoint<{ id: number }, { name: string }> = runtimeFor(server.url, { retry: 0 }).endpoint(getPet);
    expect(endpoint.isError(new Error("not an API error"))).toBe(false);
    expect(getPet).not.toHaveBeenCalled();

    const error: unknown = await endpoint({ id: 404 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(endpoint.isError(error)).toBe(true);
    expect(getPet).toHaveBeenCalledTimes(1);
  });

  it("are all built once when a mock is created, which routes by them", async () => {
    const getPet = vi.fn((): OperationSpec => getPetSpec);
    const mock = createMock<{ getPet: Endpoint<{ id: number }, { name: string }> }>({ getPet });
    expect(getPet).toHaveBeenCalledTimes(1);
    mock.getPet.returns({ name: "Mocked" });
    const api = runtimeFor("http://api.test", { fetch: mock.fetch }).endpoint<{ id: number }, { name: string }>(getPet);
    expect(await api({ id: 7 })).toEqual({ name: "Mocked" });
    expect(mock.getPet.calls).toEqual([{ id: "7" }]);
    expect(getPet).toHaveBeenCalledTimes(1);
  });
});

import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClientCore as paginationCore } from "../.out/sdk/pagination/core.js";
import { listOffsetItems } from "../.out/sdk/pagination/funcs.js";
import { createClientCore as streamingCore } from "../.out/sdk/streaming/core.js";
import { exportRecords } from "../.out/sdk/streaming/funcs.js";
import { bundleSize } from "../support/bundle-size.js";
import { closeServers, sendJson, startServer } from "../support/http-server.js";
import { fixturePath, generateInto, outRoot } from "../support/sdk.js";
import { ITEMS, startPaginationServer, type PaginationServer } from "./pagination-server.js";

let out = "";
let offOut = "";
let pagination: PaginationServer;

beforeAll(async () => {
  ({ out } = await generateInto(fixturePath("petstore.yaml"), "funcs-petstore"));
  ({ out: offOut } = await generateInto(fixturePath("petstore.yaml"), "funcs-petstore-off", { validate: "off" }));
  pagination = await startPaginationServer();
});
afterAll(async () => {
  await closeServers();
  await pagination.close();
});

/** Imports a generated module by path (the SDK is written at test time). */
async function load<T>(module: string): Promise<T> {
  return (await import(path.join(out, module))) as T;
}

const oneFunc = 'import { createClientCore } from "./core.js"; import { getPetById } from "./funcs.js"; console.log(await getPetById(createClientCore(), { petId: 1 }));';

describe("per-operation functions over a client core", () => {
  it("calls an operation, validates its response and rejects with its declared error", async () => {
    const server = await startServer((request, response) => {
      if (request.path.endsWith("/pets/1")) sendJson(response, 200, { id: 1, name: "Rex" });
      else if (request.path.endsWith("/pets/2")) sendJson(response, 200, { id: "not a number" });
      else sendJson(response, 404, { code: 404, message: "no such pet" });
    });
    const { createClientCore } = await load<typeof import("../.out/sdk/petstore/core.js")>("core.ts");
    const { getPetById } = await load<typeof import("../.out/sdk/petstore/funcs.js")>("funcs.ts");
    const core = createClientCore({ baseUrl: server.url });
    await expect(getPetById(core, { petId: 1 })).resolves.toMatchObject({ id: 1, name: "Rex" });
    await expect(getPetById(core, { petId: 2 })).rejects.toMatchObject({ name: "ResponseValidationError" });
    const error = await getPetById(core, { petId: 3 }).catch((e: unknown) => e);
    expect(getPetById.isError(error)).toBe(true);
    expect(getPetById.isError(error) && error.status).toBe(404);
    const { status, data } = await getPetById.withResponse(core, { petId: 1 });
    expect([status, data.name]).toEqual([200, "Rex"]);
  });

  it("walks every item of several pages with .paginate, and every page with .pages", async () => {
    const core = paginationCore({ baseUrl: pagination.baseUrl, logLevel: "off" });
    const ids: number[] = [];
    for await (const item of listOffsetItems.paginate(core, { limit: 500 })) ids.push(item.id);
    expect(ids).toEqual(ITEMS.map((item) => item.id));
    let pages = 0;
    for await (const page of listOffsetItems.pages(core, { limit: 500 })) pages += page.items.length > 0 ? 1 : 0;
    expect(pages).toBe(3);
  });

  it("reads a streamed download item by item", async () => {
    const records = [
      { id: 1, name: "a" },
      { id: 2, name: "b" },
    ];
    const server = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/x-ndjson" });
      response.write(`${JSON.stringify(records[0])}\n`);
      setTimeout(() => response.end(`${JSON.stringify(records[1])}\n`), 5);
    });
    const core = streamingCore({ baseUrl: `${server.url}/v1`, logLevel: "off" });
    expect(await (await exportRecords(core)).toArray()).toEqual(records);
  });
});

describe("a bundle of one function", () => {
  it("holds that operation and the schemas it reaches, and no other operation, schema or createClient", async () => {
    const { inputs, code } = await bundleSize({ dir: out, app: oneFunc });
    expect(inputs).toEqual(expect.arrayContaining(["core.ts", "funcs.ts", "operations.ts", "validators.ts", "schemas.ts"]));
    expect(inputs.some((input) => input.includes("node_modules/zod/"))).toBe(true);
    expect(inputs.filter((input) => /^(client|load-validators|testing)\.ts$/.test(input))).toEqual([]);
    expect(code).toContain('"getPetById"');
    // Pet's status enum is reached; addPet's spec and its 422 body (ValidationError's `fields`) are not.
    expect(code).toContain('"available"');
    expect(code).not.toContain('"addPet"');
    expect(code).not.toContain("fields:");
  });

  it.each([false, true])("of an SDK generated with --validate off holds no zod, schemas or validators (splitting: %s)", async (splitting) => {
    const { inputs } = await bundleSize({ dir: offOut, app: oneFunc, splitting });
    expect(inputs).toContain("funcs.ts");
    expect(inputs.filter((input) => input.includes("zod") || /schemas|validators/.test(input))).toEqual([]);
  });

  it("leaves out the runtime's parts the spec does not use: streams, multipart bodies", async () => {
    const { inputs } = await bundleSize({ dir: path.join(outRoot, "sdk/pagination"), app: 'import { createClientCore } from "./core.js"; import { listOffsetItems } from "./funcs.js"; console.log(await listOffsetItems(createClientCore()));' });
    expect(inputs.filter((input) => /runtime\/(streaming|request\/multipart)/.test(input))).toEqual([]);
  });
});

import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleSize } from "../support/bundle-size.js";
import { closeServers, sendJson, startServer } from "../support/http-server.js";
import { fixturePath, generateInto } from "../support/sdk.js";

let out = "";

beforeAll(async () => {
  ({ out } = await generateInto(fixturePath("petstore.yaml"), "funcs-petstore"));
});
afterAll(closeServers);

/** Imports a generated module by path (the SDK is written at test time). */
async function load<T>(module: string): Promise<T> {
  return (await import(path.join(out, module))) as T;
}

describe("per-operation functions over a client core", () => {
  it("calls an operation, validates its response and rejects with its declared error", async () => {
    const server = await startServer((request, response) => {
      if (request.path.endsWith("/pets/1")) sendJson(response, 200, { id: 1, name: "Rex" });
      else if (request.path.endsWith("/pets/2")) sendJson(response, 200, { id: "not a number" });
      else sendJson(response, 404, { code: 404, message: "no such pet" });
    });
    const { createClientCore } = await load<typeof import("../.out/funcs-petstore/core.js")>("core.ts");
    const { getPetById } = await load<typeof import("../.out/funcs-petstore/funcs.js")>("funcs.ts");
    const core = createClientCore({ baseUrl: server.url });
    await expect(getPetById(core, { petId: 1 })).resolves.toMatchObject({ id: 1, name: "Rex" });
    await expect(getPetById(core, { petId: 2 })).rejects.toMatchObject({ name: "ResponseValidationError" });
    const error = await getPetById(core, { petId: 3 }).catch((e: unknown) => e);
    expect(getPetById.isError(error)).toBe(true);
  });

  it("bundles one operation's function without the other operations or the schemas it does not reach", async () => {
    const app = 'import { createClientCore } from "./core.js"; import { getPetById } from "./funcs.js"; console.log(await getPetById(createClientCore(), { petId: 1 }));';
    const { inputs } = await bundleSize({ dir: out, app });
    expect(inputs).toContain("validators.ts");
    expect(inputs.some((input) => input.includes("node_modules/zod/"))).toBe(true);
    expect(inputs).not.toContain("client.ts");
  });

  it("bundles no zod and no validators for an operation's spec called without them", async () => {
    const app = 'import { createClientCore } from "./core.js"; import { operationFunc } from "./runtime/index.js"; import { getPetById } from "./operations.js"; console.log(await operationFunc(getPetById)(createClientCore(), { petId: 1 }));';
    const { inputs } = await bundleSize({ dir: out, app });
    expect(inputs.filter((input) => input.includes("zod") || /schemas|validators/.test(input))).toEqual([]);
  });
});

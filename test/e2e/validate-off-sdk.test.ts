/**
 * An SDK generated with `--validate off` (test/support/e2e-sdks.ts) has no validators for its
 * clients to run: `createClient` and everything it imports bundle no zod, schemas.ts or
 * validators, with or without code splitting; its options type admits only `validate: "off"`,
 * and asking it to validate anyway throws an SdkError that says how to get validators.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, SdkError } from "../.out/sdk/petstore-off/index.js";
import { bundleSize } from "../support/bundle-size.js";
import { fixturePath, generateInto, outRoot } from "../support/sdk.js";
import { startPetstore, type PetstoreServer } from "./petstore-server.js";

let server: PetstoreServer;
beforeAll(async () => {
  server = await startPetstore();
});
afterAll(() => server.close());

const clientApp = 'import { createClient } from "./index.js"; const api = createClient(); console.log(api);';
/** What an SDK with validators would bundle: zod, the schemas, the lazy validator loader. */
const validatorInputs = (inputs: readonly string[]): string[] => inputs.filter((input) => input.includes("node_modules/zod/") || /^(schemas|validators|load-validators)\.ts$/.test(input));

describe("createClient of an SDK generated with --validate off", () => {
  it.each([false, true])("bundles no zod, schemas or validators (splitting: %s)", async (splitting) => {
    const { inputs } = await bundleSize({ dir: `${outRoot}/sdk/petstore-off`, app: clientApp, splitting });
    expect(inputs).toEqual(expect.arrayContaining(["client.ts", "operations.ts"]));
    expect(validatorInputs(inputs)).toEqual([]);
  });

  it.each([false, true])("of an API with webhooks bundles none either (splitting: %s)", async (splitting) => {
    const { out } = await generateInto(fixturePath("webhooks.yaml"), "webhooks-off", { validate: "off" });
    const { inputs } = await bundleSize({ dir: out, app: clientApp, splitting });
    expect(inputs).toEqual(expect.arrayContaining(["client.ts", "webhooks.ts"]));
    expect(validatorInputs(inputs)).toEqual([]);
  });

  it("returns a body that breaks the schema as received", async () => {
    const api = createClient({ baseUrl: server.baseUrl, logLevel: "off", auth: { bearerAuth: "t" } });
    expect(await api.pets.getPetById({ petId: 888 })).toEqual({ id: "888", tag: "ghost" });
  });

  it("is typed to refuse validate: strict, and throws an SdkError naming the fix when called so anyway", async () => {
    // @ts-expect-error -- the SDK has no validators: only validate: "off" is accepted.
    expect(() => createClient({ baseUrl: server.baseUrl, validate: "strict" })).toThrow(SdkError);
    // @ts-expect-error -- the same for validateRequests.
    expect(() => createClient({ baseUrl: server.baseUrl, validateRequests: true })).toThrow(/validateRequests: true needs validators, and this SDK was generated with --validate off/);
    const api = createClient({ baseUrl: server.baseUrl, logLevel: "off", auth: { bearerAuth: "t" } });
    await expect(api.pets.getPetById({ petId: 888 }, { validate: "strict" })).rejects.toThrow(/^getPetById: validate: "strict" needs validators.*regenerate it without that option to validate$/);
  });
});

describe("createClient({ validate: \"off\" }) of an SDK with validators", () => {
  it("keeps zod and the schemas out of the first load with code splitting: they are only in lazy chunks", async () => {
    const app = 'import { createClient } from "./index.js"; const api = createClient({ validate: "off" }); console.log(await api.pets.listPets());';
    const { metafile } = await bundleSize({ dir: `${outRoot}/sdk/petstore`, app, splitting: true });
    const entry = Object.values(metafile.outputs).find((output) => output.entryPoint !== undefined);
    const staticChunks = entry?.imports.filter((imported) => imported.kind === "import-statement").map((imported) => metafile.outputs[imported.path]) ?? [];
    const initialInputs = [entry, ...staticChunks].flatMap((output) => Object.entries(output?.inputs ?? {}).filter(([, input]) => input.bytesInOutput > 0).map(([name]) => name));
    expect(initialInputs.some((name) => name.endsWith("client.ts"))).toBe(true);
    expect(initialInputs.filter((name) => name.includes("node_modules/zod/") || name.endsWith("schemas.ts"))).toEqual([]);
  });
});

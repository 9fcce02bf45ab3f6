/**
 * Importing an SDK parses none of its validators, nor zod: the client imports schemas.ts and zod
 * on its first call that validates, and never when validation is off. Watched from a fresh `node`
 * process running the Petstore SDK compiled to JavaScript, whose module loads a hook records.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { compileWithProbe, outRoot } from "../support/sdk.js";
import { startPetstore, type PetstoreServer } from "./petstore-server.js";

const run = promisify(execFile);
const sdk = path.join(outRoot, "sdk/petstore");
const compiled = path.join(outRoot, "lazy-validators");

const probe = `
import { registerHooks } from "node:module";
const loaded = new Set();
registerHooks({
  load(url, context, next) {
    loaded.add(url);
    return next(url, context);
  },
});
const schemas = new URL("./schemas.js", import.meta.url).href;
const modules = () => ({ schemas: loaded.has(schemas), zod: [...loaded].some((url) => url.includes("/node_modules/zod/")) });
const { createClient, ResponseValidationError } = await import("./index.js");
const api = createClient({ baseUrl: process.argv[2], auth: { bearerAuth: "t" } });
const report = { afterImport: modules() };
// 888 answers a body that breaks the Pet schema.
await api.pets.getPetById({ petId: 888 }, { validate: "off" });
report.afterUnvalidatedCall = modules();
report.validatedCall = await api.pets.getPetById({ petId: 888 }).then(() => "resolved", (error) => error instanceof ResponseValidationError ? "ResponseValidationError" : String(error));
report.afterValidatedCall = modules();
process.stdout.write(JSON.stringify(report));
`;

let server: PetstoreServer;

beforeAll(async () => {
  server = await startPetstore();
  await compileWithProbe(sdk, compiled, probe);
});
afterAll(() => server.close());

it("loads schemas.ts and zod on the first validating call, not on import nor on a call with validation off", async () => {
  const { stdout } = await run(process.execPath, [path.join(compiled, "probe.js"), server.baseUrl], { cwd: compiled });
  expect(JSON.parse(stdout)).toEqual({
    afterImport: { schemas: false, zod: false },
    afterUnvalidatedCall: { schemas: false, zod: false },
    validatedCall: "ResponseValidationError",
    afterValidatedCall: { schemas: true, zod: true },
  });
});

/**
 * Generates the SDKs that end-to-end tests import statically (test/.out/sdk/<name>), so the tests
 * are written, and type-checked, against real generated code.
 */
import path from "node:path";
import { generate, writeSdk } from "../generator/index.js";
import { E2E_SDKS } from "./support/e2e-sdks.js";
import { outRoot } from "./support/sdk.js";

export async function setup(): Promise<void> {
  for (const [name, { spec, ...options }] of Object.entries(E2E_SDKS)) {
    const result = await generate({ spec: path.join("fixtures", spec), ...options });
    await writeSdk(path.join(outRoot, "sdk", name), result.files);
  }
}

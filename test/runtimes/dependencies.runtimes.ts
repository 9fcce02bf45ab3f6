/**
 * A generated SDK beside the wrong dependencies, as a user on Node 20 gets them from `npm install
 * ky zod` (ky 1): run by Node itself, whose module linker is what failed before `createClient`
 * could explain anything.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { currentKyApp, OLD_KY_VERSION, oldKyApp } from "./tools.js";

const run = promisify(execFile);

async function createClientOutcome(app: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, [app], { timeout: 30_000 });
  return JSON.parse(stdout);
}

describe(`a generated SDK with ky ${OLD_KY_VERSION} installed`, () => {
  it("loads, and createClient throws an SdkError naming the versions and the install line", async () => {
    expect(await createClientOutcome(oldKyApp)).toEqual({
      name: "SdkError",
      sdkError: true,
      message: expect.stringMatching(/ky 2.*ky 1.*npm install ky@\^2 zod@\^4.*Node\.js 22/s),
    });
  });

  it("creates its client without a word when the installed ky is 2", async () => {
    expect(await createClientOutcome(currentKyApp)).toBeNull();
  });
});

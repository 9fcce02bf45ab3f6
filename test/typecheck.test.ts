import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { repoRoot } from "./support/sdk.js";

const run = promisify(execFile);

// The repository's own code (generator, runtime, tests) and the SDKs the tests import, under
// tsconfig.json's strict options. vitest strips types without checking them; this checks them.
it("type-checks the generator, runtime and tests against the generated SDKs", async () => {
  const tsc = path.join(repoRoot, "node_modules/typescript7/bin/tsc");
  const output = await run(process.execPath, [tsc, "-p", path.join(repoRoot, "tsconfig.json"), "--pretty", "false"], { cwd: repoRoot })
    .then(() => "")
    .catch((error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`.trim());
  expect(output).toBe("");
});

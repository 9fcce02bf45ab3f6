/**
 * The README's `afterEach(() => { mock.assertAllCalled(); mock.reset(); })`, run by a real vitest
 * in a child process: a test that fails it fails alone, and the tests after it pass. Before
 * `assertAllCalled()` reset the mock when it threw, `reset()` never ran after a failure, and every
 * later test failed with the first one's error.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { outRoot, repoRoot } from "../support/sdk.js";

const run = promisify(execFile);
const dir = path.join(outRoot, "kit-after-each");

// Uses the Petstore SDK that test/global-setup.ts generated into test/.out/sdk/petstore.
const userTest = `import { afterEach, expect, it } from "vitest";
import { createClient } from "../sdk/petstore/index.js";
import { createMockApi } from "../sdk/petstore/testing.js";

const mock = createMockApi();
const api = createClient({ baseUrl: "http://petstore.test/v1", fetch: mock.fetch, logLevel: "off", retry: 0 });

afterEach(() => {
  mock.assertAllCalled();
  mock.reset();
});

it("leaves a reply unused", () => {
  mock.pets.getPetById.returns({ id: 1, name: "Rex" });
});

it("lists pets", async () => {
  mock.pets.listPets.returns([{ id: 2, name: "Tom" }]);
  expect(await api.pets.listPets()).toEqual([{ id: 2, name: "Tom" }]);
});

it("swallows the error of a request nothing answers", async () => {
  await api.ping().catch(() => undefined);
});

it("gets a pet", async () => {
  mock.pets.getPetById.returns({ id: 3, name: "Kit" });
  expect((await api.pets.getPetById({ petId: 3 })).name).toBe("Kit");
});
`;

interface JsonReport {
  readonly testResults: readonly { readonly assertionResults: readonly { readonly title: string; readonly status: string; readonly failureMessages: readonly string[] }[] }[];
}

it("fails only the tests whose own replies or requests went wrong", async () => {
  await mkdir(dir, { recursive: true });
  // Not named *.test.ts, so that the repository's own vitest run does not pick it up.
  const file = path.join(dir, "pets.user-test.ts");
  await writeFile(file, userTest);
  // No global setup: the SDK is already generated, and this vitest must not regenerate it.
  await writeFile(path.join(dir, "vitest.config.mjs"), `export default { test: { include: [${JSON.stringify(path.relative(repoRoot, file))}] } };\n`);
  const report = path.join(dir, "report.json");
  const vitest = path.join(repoRoot, "node_modules/vitest/vitest.mjs");
  // Two of the four tests fail by design, so vitest exits with 1.
  await run(process.execPath, [vitest, "run", "--config", path.join(dir, "vitest.config.mjs"), "--reporter=json", `--outputFile=${report}`], { cwd: repoRoot }).catch(
    (error: { code?: number; stderr?: string }) => expect(error.code, error.stderr).toBe(1),
  );
  const { testResults } = JSON.parse(await readFile(report, "utf8")) as JsonReport;
  const results = testResults.flatMap((file) => file.assertionResults);
  expect(results.map(({ title, status }) => [title, status])).toEqual([
    ["leaves a reply unused", "failed"],
    ["lists pets", "passed"],
    ["swallows the error of a request nothing answers", "failed"],
    ["gets a pet", "passed"],
  ]);
  expect(results[0]?.failureMessages.join("")).toMatch(/mock: registered but never used: mock\.pets\.getPetById\.returns\(\)/);
  expect(results[2]?.failureMessages.join("")).toMatch(/mock: no reply for GET http:\/\/petstore\.test\/v1\/ping/);
});

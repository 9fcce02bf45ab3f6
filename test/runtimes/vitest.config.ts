import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** `npm run runtimes`: the runtime matrix (see matrix.runtimes.ts), kept out of `npm test`. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/runtimes/**/*.runtimes.ts"],
    globalSetup: ["test/global-setup.ts", "test/runtimes/setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});

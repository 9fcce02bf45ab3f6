import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A fresh worker per file cost ~0.2-0.6 s of start-up for each of 90 files, a third of the suite's
    // CPU. Test files share no module state: each makes its own clients, servers and SDK folders.
    isolate: false,
  },
});

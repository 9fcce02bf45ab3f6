/**
 * Global setup of `npm run runtimes` (after test/global-setup.ts has generated the SDKs): installs
 * the runtimes (tools.ts), and bundles with esbuild the scenario for the hosts that do not run the
 * SDK's TypeScript themselves (Node, workerd, the page) and the ky 1 check's app.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { copyFile } from "node:fs/promises";
import { bundleDir, currentKyApp, importTool, installOldKy, installTools, oldKyApp } from "./tools.js";

/** The part of esbuild's API used here (esbuild is not a devDependency, so its types are not at hand). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<unknown>;
}

export async function setup(): Promise<void> {
  const seconds = (await installTools()) + (await installOldKy());
  console.log(seconds === 0 ? "runtimes: tools already installed" : `runtimes: installed the tools from npm in ${seconds.toFixed(1)} s`);
  const esbuild = await importTool<Esbuild>("esbuild");
  const entries = path.join(path.dirname(fileURLToPath(import.meta.url)), "entries");
  await esbuild.build({
    entryPoints: ["cli", "worker", "browser"].map((name) => path.join(entries, `${name}.ts`)),
    outdir: bundleDir,
    bundle: true,
    format: "esm",
    // One bundle for every host: ky and zod are web-standard code, and the browser build keeps
    // out anything Node-only that would hide a runtime gap.
    platform: "browser",
    target: "es2022",
    logLevel: "warning",
  });
  await esbuild.build({
    entryPoints: [path.join(entries, "old-ky.ts")],
    outfile: oldKyApp,
    bundle: true,
    format: "esm",
    platform: "node",
    // Left as imports: Node's module linker, not esbuild, must meet the ky that is installed.
    external: ["ky", "zod"],
    logLevel: "error",
  });
  await copyFile(oldKyApp, currentKyApp);
}

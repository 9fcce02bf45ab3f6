/**
 * One fresh process: imports ky and zod, then (unless `baseline`) the compiled SDK's index.js and
 * creates a client; prints the milliseconds of each step as JSON. Run by import.ts:
 *   node bench/import-child.ts <baseline|gen-client|hey-api> [compiled index.js]
 */
import { pathToFileURL } from "node:url";

const [kind = "baseline", entry = ""] = process.argv.slice(2);
const t0 = performance.now();
await import("ky");
await import("zod");
const t1 = performance.now();
if (kind !== "baseline") {
  const sdk = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  if (kind === "gen-client") {
    const createClient = sdk["createClient"] as (options: object) => object;
    createClient({});
  } else {
    // hey-api: its index creates the default client on import; make one more the documented way.
    const clientModule = (await import(pathToFileURL(entry.replace(/index\.js$/, "client/index.js")).href)) as Record<string, unknown>;
    const createClient = clientModule["createClient"] as (config: object) => object;
    createClient({ baseUrl: "https://api.github.com" });
  }
}
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({ kind, kyZodMs: t1 - t0, sdkMs: t2 - t1 })}\n`);

/** Deno and Bun run this: `<runtime> cli.js <origin> <runtime name>` prints the results as JSON. */
import { runScenario } from "../scenario.js";

const deno = (globalThis as { Deno?: { args: string[] } }).Deno;
const [origin = "", runtime = ""] = deno ? deno.args : process.argv.slice(2);
console.log(JSON.stringify(await runScenario(origin, runtime)));

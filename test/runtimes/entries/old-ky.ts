/**
 * Run by Node beside a ky older than 2 (see dependencies.runtimes.ts): prints what `createClient`
 * threw, as JSON, or `null` when it threw nothing. Bundled with ky and zod left as imports, so that
 * Node's own module linker resolves them.
 */
import { createClient, SdkError } from "../../.out/sdk/petstore/index.js";

let outcome: { name: string; message: string; sdkError: boolean } | null = null;
try {
  createClient({ baseUrl: "http://127.0.0.1:9/v1" });
} catch (error) {
  outcome = { name: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : String(error), sdkError: error instanceof SdkError };
}
console.log(JSON.stringify(outcome));

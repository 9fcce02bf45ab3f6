/**
 * Where the conformance run keeps things: everything it writes while running lives in
 * conformance/.work (git-ignored: specs as Prism reads them, generated SDKs, logs); only
 * conformance/results/ and conformance/RESULTS.md are meant to be committed.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const CONFORMANCE_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = dirname(CONFORMANCE_DIR);
export const WORK = join(CONFORMANCE_DIR, ".work");
export const RESULTS_DIR = join(CONFORMANCE_DIR, "results");
export const FIXTURES_DIR = join(ROOT, "fixtures");
export const PRISM_BIN = join(ROOT, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
/** The built generator (`npm run build`): node runs these modules without a TypeScript loader. */
export const GENERATOR_INDEX = join(ROOT, "dist", "generator", "index.js");
export const GENERATOR_LOADER = join(ROOT, "dist", "generator", "load", "index.js");

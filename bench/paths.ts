/**
 * Where the bench keeps things. Everything big (installed peers, specs, generated SDKs, logs) lives
 * in bench/.work, which is git-ignored; only bench/results/ and bench/RESULTS.md are meant to be
 * committed.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = dirname(BENCH_DIR);
export const WORK = join(BENCH_DIR, ".work");
export const PEERS_DIR = join(WORK, "peers");
export const SPECS_DIR = join(WORK, "specs");
export const OUT_DIR = join(WORK, "out");
export const COMPILED_DIR = join(WORK, "compiled");
export const CONFIG_DIR = join(WORK, "config");
export const LOG_DIR = join(WORK, "logs");
export const TMP_DIR = join(WORK, "tmp");
export const RESULTS_DIR = join(BENCH_DIR, "results");

/** The Node running the bench (Node 22 from the `node` devDependency under `npm run`). */
export const NODE = process.execPath;

export const GEN_CLIENT_BIN = join(ROOT, "bin", "gen-client.js");
export const TSC59 = join(ROOT, "node_modules", "typescript", "bin", "tsc");
export const TSC7 = join(ROOT, "node_modules", "typescript7", "bin", "tsc");

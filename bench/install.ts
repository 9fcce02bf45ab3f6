/**
 * Installs a pinned set of npm packages into a scratch folder of bench/.work with
 * `npm install --prefix`, unless what is there already matches.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface PinnedInstall {
  readonly dir: string;
  readonly name: string;
  /** Exact versions. */
  readonly dependencies: Readonly<Record<string, string>>;
  /** npm `overrides`, for transitive versions the registry cannot serve. */
  readonly overrides?: Readonly<Record<string, string>>;
}

export function installedVersion(dir: string, pkg: string): string | undefined {
  const file = join(dir, "node_modules", pkg, "package.json");
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version;
}

export function ensureInstalled(spec: PinnedInstall, log: (line: string) => void): void {
  mkdirSync(spec.dir, { recursive: true });
  const manifest = `${JSON.stringify(
    { name: spec.name, private: true, dependencies: spec.dependencies, overrides: spec.overrides ?? {} },
    null,
    2,
  )}\n`;
  const manifestFile = join(spec.dir, "package.json");
  const current = existsSync(manifestFile) ? readFileSync(manifestFile, "utf8") : "";
  const upToDate =
    current === manifest &&
    Object.entries(spec.dependencies).every(([pkg, version]) => installedVersion(spec.dir, pkg) === version);
  if (upToDate) return;
  writeFileSync(manifestFile, manifest);
  log(`installing ${Object.entries(spec.dependencies).map(([p, v]) => `${p}@${v}`).join(", ")} into ${spec.dir}`);
  const result = spawnSync("npm", ["install", "--prefix", spec.dir, "--no-audit", "--no-fund", "--loglevel=error"], {
    stdio: ["ignore", "inherit", "inherit"],
    timeout: 900_000,
  });
  if (result.status !== 0) {
    throw new Error(`npm install into ${spec.dir} failed (exit ${String(result.status)}${result.error ? `, ${result.error.message}` : ""})`);
  }
  for (const [pkg, version] of Object.entries(spec.dependencies)) {
    const got = installedVersion(spec.dir, pkg);
    if (got !== version) throw new Error(`${pkg}: wanted ${version}, installed ${String(got)}`);
  }
}

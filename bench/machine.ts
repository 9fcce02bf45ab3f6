/** The machine and the versions of every tool, for the report. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { peerVersion, SKIPPED_PEERS } from "./peers.ts";
import { NODE, ROOT } from "./paths.ts";

export interface MachineInfo {
  readonly date: string;
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the bench started and when it ended: other work on the machine skews timings. */
  readonly loadAtStart: number;
  readonly loadAtEnd: number;
}

const LOAD_AT_START = loadavg()[0] ?? Number.NaN;

export function machineInfo(): MachineInfo {
  return {
    date: new Date().toISOString(),
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAtStart: Math.round(LOAD_AT_START * 100) / 100,
    loadAtEnd: Math.round((loadavg()[0] ?? Number.NaN) * 100) / 100,
  };
}

function projectVersion(pkg: string): string {
  const file = join(ROOT, "node_modules", pkg, "package.json");
  return existsSync(file) ? ((JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? "?") : "not installed";
}

function genClientVersion(): string {
  const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  const rev = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "generator", "runtime", "templates"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  return `${version} (${rev || "no git"}${dirty === "" ? "" : ", with uncommitted changes in generator/runtime"})`;
}

export function toolVersions(): Record<string, string> {
  const tsc7 = spawnSync(NODE, [join(ROOT, "node_modules", "typescript7", "bin", "tsc"), "--version"], { encoding: "utf8" }).stdout.trim();
  return {
    "gen-client": genClientVersion(),
    node: process.version,
    ky: projectVersion("ky"),
    zod: projectVersion("zod"),
    "prettier (gen-client's doc printer)": projectVersion("prettier"),
    "typescript (5.9)": projectVersion("typescript"),
    "typescript 7 (native)": tsc7.replace(/^Version /, "") || projectVersion("typescript7"),
    "@hey-api/openapi-ts": peerVersion("@hey-api/openapi-ts"),
    orval: peerVersion("orval"),
    "openapi-typescript": peerVersion("openapi-typescript"),
    ...Object.fromEntries(SKIPPED_PEERS.map((p) => [p.name, p.reason])),
  };
}

/**
 * Runs one command under GNU time (`/usr/bin/time`, Debian package `time`) and reads what the kernel
 * accounted for it and every descendant it waited for: user + system CPU seconds, wall seconds and
 * the peak resident set (the largest single process of the tree, as getrusage reports it).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LOG_DIR, TMP_DIR } from "./paths.ts";

export const TIME_BIN = "/usr/bin/time";

export interface Measurement {
  /** Exit code 0 and not timed out. */
  readonly ok: boolean;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly userSec: number;
  readonly sysSec: number;
  /** user + sys, all threads and waited-for children. */
  readonly cpuSec: number;
  readonly wallSec: number;
  readonly peakRssMiB: number;
  /** The command's stdout and stderr, kept in full in the log file. */
  readonly output: string;
  readonly log: string;
}

export interface MeasureOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutSec: number;
  /** A file name (no folder) for the combined output under bench/.work/logs. */
  readonly label: string;
}

/** Fails clearly when GNU time is missing. */
export function checkTimeTool(): void {
  if (!existsSync(TIME_BIN)) {
    throw new Error(
      `${TIME_BIN} not found: the bench reads CPU time and peak RSS through GNU time. ` +
        "Install it with `apt-get install time` (Debian/Ubuntu) and run again.",
    );
  }
}

export async function measure(command: string, args: readonly string[], options: MeasureOptions): Promise<Measurement> {
  mkdirSync(TMP_DIR, { recursive: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const safe = options.label.replace(/[^A-Za-z0-9._-]+/g, "_");
  const timeFile = join(TMP_DIR, `${safe}.${process.pid}.time`);
  const log = join(LOG_DIR, `${safe}.log`);
  rmSync(timeFile, { force: true });
  const chunks: Buffer[] = [];
  const started = performance.now();
  const child = spawn(TIME_BIN, ["-f", "%U %S %e %M", "-o", timeFile, command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so a timeout can kill the whole tree
  });
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }, options.timeoutSec * 1000);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
  clearTimeout(timer);
  const wallFallback = (performance.now() - started) / 1000;
  const output = Buffer.concat(chunks).toString("utf8");
  writeFileSync(log, `$ ${command} ${args.join(" ")}\n(cwd ${options.cwd ?? process.cwd()})\n\n${output}`);
  let userSec = Number.NaN;
  let sysSec = Number.NaN;
  let wallSec = wallFallback;
  let peakRssMiB = Number.NaN;
  if (!timedOut && existsSync(timeFile)) {
    // GNU time may write "Command exited with non-zero status N" first; the numbers are last.
    const lines = readFileSync(timeFile, "utf8").trim().split("\n");
    const fields = (lines[lines.length - 1] ?? "").trim().split(/\s+/).map(Number);
    if (fields.length === 4 && fields.every((n) => Number.isFinite(n))) {
      userSec = fields[0] ?? Number.NaN;
      sysSec = fields[1] ?? Number.NaN;
      wallSec = fields[2] ?? wallFallback;
      peakRssMiB = (fields[3] ?? Number.NaN) / 1024;
    }
    rmSync(timeFile, { force: true });
  }
  return {
    ok: exitCode === 0 && !timedOut,
    exitCode: timedOut ? null : exitCode,
    timedOut,
    userSec,
    sysSec,
    cpuSec: userSec + sysSec,
    wallSec,
    peakRssMiB,
    output,
    log,
  };
}

/** The last few lines of a command's output, for a failure note. */
export function tail(output: string, lines = 3): string {
  return output
    .trim()
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(-lines)
    .join(" | ")
    .slice(0, 400);
}

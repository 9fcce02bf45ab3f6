/** A child process with a time limit (optionally measured), and a fixed-size pool to run tasks in. */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

/** What `/usr/bin/time` reports for a child (and the descendants it waited for). */
export interface Usage {
  /** User + system CPU seconds. */
  readonly cpuSeconds: number;
  /** The largest resident set of any one process, in MiB. */
  readonly maxRssMiB: number;
}

export interface ChildResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  readonly usage?: Usage;
}

/** GNU time, which reports CPU and max RSS of a child without a native addon. */
export const TIME_BIN = "/usr/bin/time";

function readUsage(file: string): Usage | undefined {
  if (!existsSync(file)) return undefined;
  // GNU time prefixes "Command terminated by signal N" or "exited with non-zero status" lines.
  const last = readFileSync(file, "utf8").trim().split("\n").at(-1) ?? "";
  rmSync(file, { force: true });
  const m = /^([\d.]+) ([\d.]+) (\d+)$/.exec(last);
  return m ? { cpuSeconds: Number((Number(m[1]) + Number(m[2])).toFixed(2)), maxRssMiB: Math.round(Number(m[3]) / 1024) } : undefined;
}

/** Keeps the first and last `limit / 2` characters of a long output. */
function capped(text: string, limit = 200_000): string {
  return text.length <= limit ? text : `${text.slice(0, limit / 2)}\n… (${text.length - limit} characters cut) …\n${text.slice(-limit / 2)}`;
}

/**
 * Runs a command with a time limit. The child leads its own process group, so that a timeout kills
 * what it started too. With `usageFile`, the command runs under `/usr/bin/time`, which writes its
 * CPU time and max RSS there.
 */
export function runChild(command: string, args: readonly string[], options: { cwd: string; timeoutSec: number; usageFile?: string }): Promise<ChildResult> {
  const started = performance.now();
  const { usageFile } = options;
  const [file, argv] = usageFile === undefined ? [command, [...args]] : [TIME_BIN, ["-f", "%U %S %M", "-o", usageFile, command, ...args]];
  return new Promise((resolve) => {
    const child = spawn(file, argv, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (stdout.length < 50_000_000) stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      if (stderr.length < 50_000_000) stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, options.timeoutSec * 1000);
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, extra = ""): void => {
      clearTimeout(timer);
      const usage = usageFile === undefined ? undefined : readUsage(usageFile);
      resolve({ exitCode, signal, timedOut, stdout: capped(stdout), stderr: capped(stderr + extra), seconds: (performance.now() - started) / 1000, ...(usage !== undefined && { usage }) });
    };
    child.on("error", (error) => finish(null, null, `\nspawn failed: ${error.message}`));
    child.on("close", (code, signal) => finish(code, signal));
  });
}

/** Runs `task` over `items` with at most `jobs` at once; results keep the items' order. */
export async function mapPool<T, R>(items: readonly T[], jobs: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return results;
}

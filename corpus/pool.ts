/** A child process with a time limit, and a fixed-size pool to run tasks in. */
import { spawn } from "node:child_process";

export interface ChildResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** Keeps the first and last `limit / 2` characters of a long output. */
function capped(text: string, limit = 200_000): string {
  return text.length <= limit ? text : `${text.slice(0, limit / 2)}\n… (${text.length - limit} characters cut) …\n${text.slice(-limit / 2)}`;
}

export function runChild(command: string, args: readonly string[], options: { cwd: string; timeoutSec: number }): Promise<ChildResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
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
      child.kill("SIGKILL");
    }, options.timeoutSec * 1000);
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, extra = ""): void => {
      clearTimeout(timer);
      resolve({ exitCode, signal, timedOut, stdout: capped(stdout), stderr: capped(stderr + extra), seconds: (performance.now() - started) / 1000 });
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

/**
 * Stoplight Prism's mock server as a child process: `prism mock -h 127.0.0.1 -p PORT --errors spec`
 * (`--errors`: a request that breaks the spec is answered 422 with its violations, and every
 * response carries them in `sl-violations`). Started per spec, stopped by its PID.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer, connect } from "node:net";
import { PRISM_BIN } from "./paths.ts";

export interface PrismServer {
  readonly url: string;
  readonly pid: number;
  /** Wall time from spawn until it accepted a connection. */
  readonly startMs: number;
  /** Whether the process has ended (Prism crashes on some requests). */
  exited(): boolean;
  /** Resolves true once the process has ended, false if it is still running after `ms`. */
  waitExit(ms: number): Promise<boolean>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * The Prism processes this process started and has not stopped yet, killed by PID if it exits
 * early (an interrupted run, a test worker torn down): never by name, other people run Prism too.
 */
const running = new Set<number>();
process.once("exit", () => {
  for (const pid of running) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
});

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const kill = setTimeout(() => process.kill(pid, "SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    process.kill(pid, "SIGTERM");
  });
}

/** Starts Prism on a free port and resolves once it listens; `logFile` receives its output. */
export async function startPrism(specFile: string, logFile: string, timeoutMs = 120_000): Promise<PrismServer> {
  const port = await freePort();
  const started = performance.now();
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [PRISM_BIN, "mock", "-h", "127.0.0.1", "-p", String(port), "--errors", specFile], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid !== undefined) {
    const pid = child.pid;
    running.add(pid);
    child.once("exit", () => running.delete(pid));
  }
  // Both streams write to one log: it ends once the child's stdio has closed, not when either ends.
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const stop = async (): Promise<void> => {
    await stopChild(child);
    await closed;
    log.end();
  };
  try {
    while (!(await accepts(port))) {
      if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode} before listening (see ${logFile})`);
      if (performance.now() - started > timeoutMs) throw new Error(`prism did not listen within ${timeoutMs / 1000} s (see ${logFile})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const exited = (): boolean => child.exitCode !== null || child.signalCode !== null;
  const waitExit = (ms: number): Promise<boolean> =>
    exited()
      ? Promise.resolve(true)
      : new Promise((resolve) => {
          const timer = setTimeout(() => resolve(exited()), ms);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve(true);
          });
        });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, startMs: performance.now() - started, exited, waitExit, stop };
}

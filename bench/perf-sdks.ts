/**
 * Generates and compiles the SDKs of the small bench spec (perf-spec.ts) used by the runtime and
 * streaming benchmarks, and starts the loopback server they call.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { compileSdk } from "./compile.ts";
import { heyApiConfig, outDir, resetDir } from "./generators.ts";
import { BENCH_DIR, CONFIG_DIR, GEN_CLIENT_BIN, NODE, ROOT } from "./paths.ts";
import { peerModule } from "./peers.ts";
import { writePerfSpec } from "./perf-spec.ts";
import { mkdirSync, writeFileSync } from "node:fs";

export interface PerfSdks {
  readonly genClient: boolean;
  readonly heyApi: boolean;
  readonly heyApiZod: boolean;
  readonly notes: string[];
}

function run(command: string, args: readonly string[], cwd: string): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 300_000 });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

let prepared: PerfSdks | undefined;

export function preparePerfSdks(log: (line: string) => void): PerfSdks {
  if (prepared !== undefined) return prepared;
  const specFile = writePerfSpec();
  const notes: string[] = [];
  const gen = outDir("gen-client", "perf");
  resetDir(gen);
  const genRun = run(NODE, [GEN_CLIENT_BIN, specFile, "--out", gen, "-q"], ROOT);
  let genClient = genRun.ok;
  if (genClient) compileSdk(gen, "perf-gen-client");
  else notes.push(`gen-client failed on the bench spec: ${genRun.output.slice(0, 300)}`);

  const heyBin = peerModule("@hey-api/openapi-ts", "bin", "run.js");
  const heyOk = (validator: boolean, name: string): boolean => {
    if (!existsSync(heyBin)) return false;
    const out = outDir(name, "perf");
    resetDir(out);
    mkdirSync(CONFIG_DIR, { recursive: true });
    const config = join(CONFIG_DIR, `${name}-perf.config.mjs`);
    writeFileSync(config, heyApiConfig(specFile, out, validator));
    const r = run(NODE, [heyBin, "-f", config, "-s"], CONFIG_DIR);
    if (!r.ok) {
      notes.push(`hey-api (${name}) failed on the bench spec: ${r.output.slice(0, 300)}`);
      return false;
    }
    compileSdk(out, `perf-${name}`);
    return true;
  };
  const heyApi = heyOk(false, "hey-api");
  const heyApiZod = heyOk(true, "hey-api-zod");
  log(`bench spec SDKs: gen-client ${genClient ? "ok" : "FAILED"}, hey-api ${heyApi ? "ok" : "FAILED"}, hey-api+zod ${heyApiZod ? "ok" : "FAILED"}`);
  genClient = genClient && existsSync(join(gen, "index.ts"));
  prepared = { genClient, heyApi, heyApiZod, notes };
  return prepared;
}

export interface ServerHandle {
  readonly port: number;
  stop(): void;
}

/** Starts a loopback server script of bench/ (by default the perf spec's) in its own process. */
export async function startServer(script = "server.ts", args: readonly string[] = []): Promise<ServerHandle> {
  const child = spawn(NODE, [join(BENCH_DIR, script), ...args], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error("bench server did not start in 10 s")), 10_000);
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const match = /PORT (\d+)/.exec(text);
      if (match !== null) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on("exit", (code) => reject(new Error(`bench server exited (${String(code)})`)));
  });
  return {
    port,
    stop: () => {
      child.stdin.end();
      child.kill();
    },
  };
}

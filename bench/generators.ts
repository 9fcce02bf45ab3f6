/**
 * The generators under test and how each is invoked: always `node <its bin>` with the bench's Node,
 * never through npx (whose start-up would be counted). None of them runs a formatter: gen-client
 * lays its output out with prettier's layout algorithm while emitting (there is no separate formatting
 * pass to time), hey-api's `postProcess` defaults to none and orval's `prettier` option to off.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_DIR, GEN_CLIENT_BIN, NODE, OUT_DIR, ROOT } from "./paths.ts";
import { peerModule } from "./peers.ts";

export type GeneratorId = "gen-client" | "gen-client-zod-mini" | "hey-api-zod" | "orval-fetch" | "openapi-typescript";

export interface Invocation {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

export interface Generator {
  readonly id: GeneratorId;
  /** What it produces, for the table. */
  readonly produces: string;
  /** Writes any config file and returns the command that generates `specFile` into `outDir`. */
  prepare(specFile: string, outDir: string, key: string): Invocation;
}

export function outDir(generator: string, specId: string): string {
  return join(OUT_DIR, generator, specId);
}

function writeConfig(name: string, text: string): string {
  mkdirSync(CONFIG_DIR, { recursive: true });
  const file = join(CONFIG_DIR, name);
  writeFileSync(file, text);
  return file;
}

/** hey-api's config: fetch client, types, zod schemas, and an SDK that validates responses with them. */
export function heyApiConfig(specFile: string, out: string, validator: boolean): string {
  return `export default ${JSON.stringify(
    {
      input: specFile,
      output: { path: out, module: { extension: ".js" } },
      logs: { file: false },
      plugins: [
        "@hey-api/client-fetch",
        "@hey-api/typescript",
        ...(validator ? ["zod", { name: "@hey-api/sdk", validator: true }] : ["@hey-api/sdk"]),
      ],
    },
    null,
    2,
  )};\n`;
}

export const GENERATORS: readonly Generator[] = [
  {
    id: "gen-client",
    produces: "types + zod + SDK + runtime",
    prepare: (specFile, out) => ({ command: NODE, args: [GEN_CLIENT_BIN, specFile, "--out", out, "-q"], cwd: ROOT }),
  },
  {
    // Not a peer: gen-client with `--zod mini` validators, measured beside its default (#22).
    id: "gen-client-zod-mini",
    produces: "types + zod/mini + SDK + runtime",
    prepare: (specFile, out) => ({ command: NODE, args: [GEN_CLIENT_BIN, specFile, "--out", out, "-q", "--zod", "mini"], cwd: ROOT }),
  },
  {
    id: "hey-api-zod",
    produces: "types + zod + SDK (validator on) + fetch client",
    prepare: (specFile, out, key) => {
      const config = writeConfig(`hey-api-${key}.config.mjs`, heyApiConfig(specFile, out, true));
      return {
        command: NODE,
        args: [peerModule("@hey-api/openapi-ts", "bin", "run.js"), "-f", config, "-s"],
        cwd: CONFIG_DIR,
      };
    },
  },
  {
    id: "orval-fetch",
    produces: "types + SDK (fetch client)",
    prepare: (specFile, out, key) => {
      const config = writeConfig(
        `orval-${key}.config.mjs`,
        `export default ${JSON.stringify(
          { api: { input: { target: specFile }, output: { target: join(out, "api.ts"), client: "fetch", mode: "split" } } },
          null,
          2,
        )};\n`,
      );
      return { command: NODE, args: [peerModule("orval", "dist", "bin", "orval.mjs"), "--config", config], cwd: CONFIG_DIR };
    },
  },
  {
    id: "openapi-typescript",
    produces: "types only",
    prepare: (specFile, out) => {
      // Written as .ts (not .d.ts) so that `tsc` with skipLibCheck still checks it.
      return {
        command: NODE,
        args: [peerModule("openapi-typescript", "bin", "cli.js"), specFile, "-o", join(out, "schema.ts")],
        cwd: CONFIG_DIR,
      };
    },
  },
];

export function resetDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

import path from "node:path";
import type { ApiConfig } from "../config/schema.js";
import type { DatesMode, ValidationMode, ZodApi } from "../emit/context.js";
import { GenError } from "../errors.js";
import type { Layout } from "../model/model.js";
import type { GroupBy } from "../analyze/resources.js";

export interface CliOptions {
  readonly out?: string;
  readonly name?: string;
  readonly strict?: boolean;
  readonly validate?: ValidationMode;
  readonly dates?: DatesMode;
  readonly zod?: ZodApi;
  readonly layout?: Layout;
  readonly groupBy?: GroupBy;
  /** A shared runtime folder, or `copy` (as in a config file; a folder of that name is `./copy`). */
  readonly runtime?: string;
  readonly testing?: boolean;
  readonly config?: string;
  readonly check?: boolean;
  readonly json?: boolean;
  readonly watch?: boolean;
  readonly clean?: boolean;
  readonly explainPagination?: boolean;
  readonly explainStreaming?: boolean;
  readonly verbose?: boolean;
  readonly quiet?: boolean;
}

/**
 * The APIs one invocation works on: the spec on the command line, or every API of the config
 * file. With a config, gen-client moves into the config's folder first (like `make -C`): paths
 * in it are relative to it, and the generated headers then quote the spec path as written there.
 */
export async function resolveApis(spec: string | undefined, options: CliOptions): Promise<readonly ApiConfig[]> {
  if (options.json === true && options.check !== true) throw new GenError("invalid-options", "--json goes with --check");
  if (spec !== undefined) {
    if (options.config !== undefined) throw new GenError("invalid-options", "give either a spec or --config, not both");
    return [
      {
        spec,
        out: options.out ?? defaultOutDir(spec),
        strict: options.strict === true,
        ...(options.name !== undefined && { name: options.name }),
        ...(options.validate !== undefined && { validate: options.validate }),
        ...(options.dates !== undefined && { dates: options.dates }),
        ...(options.zod !== undefined && { zod: options.zod }),
        ...(options.layout !== undefined && { layout: options.layout }),
        ...(options.groupBy !== undefined && { groupBy: options.groupBy }),
        ...(options.runtime !== undefined && { runtime: options.runtime === "copy" ? "copy" : { path: options.runtime } }),
        ...(options.testing === false && { testing: false }),
      },
    ];
  }
  // commander sets `testing: true` unless --no-testing is given.
  const commandLineOnly = [...(["out", "name", "strict", "validate", "dates", "zod", "layout", "groupBy", "runtime"] as const).filter((key) => options[key] !== undefined), ...(options.testing === false ? ["no-testing"] : [])];
  if (commandLineOnly.length > 0) {
    const flag = commandLineOnly[0] === "groupBy" ? "group-by" : commandLineOnly[0];
    throw new GenError("invalid-options", `--${flag} needs a spec; with a config file, set it per API in the config`);
  }
  // Loaded only without a spec: it brings in zod, for the config's schema.
  const { findConfig, loadConfig } = await import("../config/load.js");
  const file = options.config ?? findConfig(process.cwd());
  if (file === undefined) {
    throw new GenError("invalid-options", "no spec given and no gen-client.config.{ts,mts,mjs,js,json} here; run `gen-client <spec> --out <dir>`, or see `gen-client --help`");
  }
  const config = await loadConfig(file);
  const dir = path.dirname(path.resolve(file));
  if (dir !== process.cwd()) process.chdir(dir);
  return config.apis;
}

function defaultOutDir(spec: string): string {
  return path.join("generated", path.basename(spec).replace(/\.(ya?ml|json)$/i, ""));
}

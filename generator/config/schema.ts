import { z } from "zod";
import type { GenerateOptions, GeneratePhase } from "./options.js";
import { readXPagination } from "../analyze/pagination/config.js";
import { didYouMean } from "./suggest.js";

/** One API of a config file: the options of `generate()`, plus where its SDK goes. */
export interface ApiConfig extends Omit<GenerateOptions, "onPhase"> {
  /** The SDK's folder. Relative paths (here and in `spec`) are relative to the config file. */
  readonly out: string;
}

/** What `gen-client.config.{ts,mts,mjs,js,json}` exports (as default). */
export interface GenClientConfig {
  readonly apis: readonly ApiConfig[];
}

/**
 * An object that takes only the keys of `shape`, and names each other key with the one it most
 * likely misspells: `unknown key "output" — did you mean "out"?`.
 */
function closedObject<const Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      const absent = known.filter((name) => !Object.hasOwn(Object(issue.input), name));
      // One line a key: the config loader lists each as a problem of its own.
      return issue.keys.map((key) => unknownKey(key, absent)).join("\n");
    },
  });
}

function unknownKey(key: string, missing: readonly string[]): string {
  const meant = didYouMean(key, missing);
  return `unknown key ${JSON.stringify(key)}${meant === undefined ? "" : ` — did you mean ${JSON.stringify(meant)}?`}`;
}

const selector = closedObject({
  tags: z.array(z.string()).exactOptional(),
  paths: z.array(z.string()).exactOptional(),
});

// The same check as the `x-pagination` extension's, so a config entry and the spec agree.
const paginationEntry = z.unknown().transform((value, ctx) => {
  const config = readXPagination(value);
  if (typeof config !== "string") return config;
  ctx.addIssue({ code: "custom", message: config });
  return z.NEVER;
});

/** The options a config file's API and `generate()` share. */
const optionShape = {
  spec: z.string().min(1),
  name: z.string().min(1).exactOptional(),
  strict: z.boolean().exactOptional(),
  runtime: z.union([z.literal("copy"), z.strictObject({ path: z.string().min(1) })], { error: 'expected "copy" or { "path": "<folder>" }' }).exactOptional(),
  validate: z.enum(["strict", "warn", "off"]).exactOptional(),
  dates: z.enum(["string", "date"]).exactOptional(),
  zod: z.enum(["classic", "mini"]).exactOptional(),
  testing: z.boolean().exactOptional(),
  pagination: z.record(z.string(), paginationEntry).exactOptional(),
  environments: z
    .record(z.string().min(1), z.string().trim().min(1))
    .refine((environments) => Object.keys(environments).length > 0, "name at least one environment")
    .exactOptional(),
  layout: z.enum(["grouped", "flat"]).exactOptional(),
  groupBy: z.enum(["tags", "operationId", "path"]).exactOptional(),
  resources: z.record(z.string(), z.string().nullable()).exactOptional(),
  include: selector.exactOptional(),
  exclude: selector.exactOptional(),
  webhookSignature: z
    .union([
      z.strictObject({ scheme: z.enum(["standard", "github", "stripe"]) }),
      z.strictObject({ scheme: z.literal("hmac"), header: z.string().min(1), encoding: z.enum(["hex", "base64"]).exactOptional(), prefix: z.string().exactOptional() }),
    ])
    .exactOptional(),
};

/** `generate()`'s options: checked with the same rules as a config file's, so either gets the same message. */
export const generateOptionsSchema = closedObject({
  ...optionShape,
  out: z.string().min(1).exactOptional(),
  onPhase: z.custom<(phase: GeneratePhase) => void>((value) => typeof value === "function", { error: "expected a function" }).exactOptional(),
}) satisfies z.ZodType<GenerateOptions>;

const api = closedObject({ ...optionShape, out: z.string().min(1) });

export const configSchema = closedObject({ apis: z.array(api).min(1, "list at least one API") }) satisfies z.ZodType<GenClientConfig>;

/**
 * Types a config file's object; it returns it unchanged.
 * @example
 * // gen-client.config.ts
 * import { defineConfig } from "gen-client";
 * export default defineConfig({ apis: [{ spec: "specs/petstore.yaml", out: "src/sdk/petstore" }] });
 */
export function defineConfig(config: GenClientConfig): GenClientConfig {
  return config;
}

import type { core } from "zod";
import { builtOnce } from "../built-once.js";
import type { OperationSpec, ResponseSpec } from "../operation.js";
import { selectResponseSpec } from "../response/select-spec.js";
import { check } from "../response/validate.js";
import { MockError } from "./mock-error.js";
import { describeOperation } from "./reply.js";
import { sampleSchema, UnfakeableSchemaError } from "./sample-schema.js";

/** The sampler, an optional dependency of the SDK's users: loaded on first use only. */
const SAMPLER = "json-schema-faker";

/** Seeds tried after the requested one when a sample fails the validator (json-schema-faker cannot express every zod check). */
const ATTEMPTS = 20;

/**
 * `sampleSchema()` already bounds depth, lengths and sizes, so the sampler's own depth limit is
 * set past it: at that limit the sampler fills required properties with empty values the
 * validator would refuse.
 */
const SAMPLER_OPTIONS = { maxDepth: 100, maxDefaultItems: 3, optionalsProbability: 0.5 };

interface Sampler {
  generate(schema: unknown, options: Readonly<Record<string, unknown>>): Promise<unknown>;
}

/**
 * A body for the operation's response with `status`, generated from its schema with `seed`, that
 * passes the response's validator: JSON from the schema, text and binary content as short
 * deterministic text, `undefined` for responses without content.
 */
export async function fakeBody(operation: OperationSpec, where: string, status: number, seed: number): Promise<unknown> {
  const spec = selectResponseSpec(operation.responses, status);
  if (spec === undefined) throw new MockError(`${where}: ${describeOperation(operation)} declares no ${status} response to fake`);
  if (spec.kind === "empty") return undefined;
  if (spec.kind === "stream") {
    // A few items, each made like a JSON body; text events are made-up text.
    const items: unknown[] = [];
    for (let index = 0; index < FAKE_STREAM_ITEMS; index++) {
      items.push(spec.text === true ? `fake ${operation.id} ${seed + index}` : await fakeJson(spec, operation, where, status, seed + index));
    }
    return items;
  }
  if (spec.kind !== "json") return `fake ${operation.id} ${seed}`;
  return fakeJson(spec, operation, where, status, seed);
}

/** How many items a faked stream has. */
const FAKE_STREAM_ITEMS = 3;

async function fakeJson(spec: ResponseSpec, operation: OperationSpec, where: string, status: number, seed: number): Promise<unknown> {
  if (spec.schema === undefined) return {};
  const unfakeable = (reason: string) => new MockError(`${where}: could not generate a valid ${status} response of ${describeOperation(operation)} from its schema (${reason}); give a body with returns()`);
  let jsonSchema: Record<string, unknown>;
  try {
    // Generated SDKs hand over zod schemas only; `Validator` just spares tsc their full types.
    jsonSchema = sampleSchema(builtOnce(spec.schema) as core.$ZodType);
  } catch (error) {
    if (error instanceof UnfakeableSchemaError) throw unfakeable(error.message);
    throw error;
  }
  const sampler = await loadSampler(where);
  let samplerError: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const sample = await sampler.generate(jsonSchema, { ...SAMPLER_OPTIONS, seed: seed + attempt * 7919 });
      if (check(spec.schema, sample).ok) return sample;
    } catch (error) {
      samplerError = error;
    }
  }
  throw unfakeable(samplerError === undefined ? `${ATTEMPTS} samples failed the validator` : `${SAMPLER}: ${samplerError instanceof Error ? samplerError.message : String(samplerError)}`);
}

async function loadSampler(where: string): Promise<Sampler> {
  let loaded: unknown;
  try {
    // A specifier in a variable keeps tsc and bundlers from requiring the package to exist.
    loaded = await import(/* @vite-ignore */ SAMPLER);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MockError(`${where} needs the ${SAMPLER} package: npm install --save-dev ${SAMPLER} (${reason})`);
  }
  if (!isSampler(loaded)) throw new MockError(`${where}: the installed ${SAMPLER} has no generate() function; install version 0.6 or later`);
  return loaded;
}

function isSampler(value: unknown): value is Sampler {
  return typeof value === "object" && value !== null && "generate" in value && typeof value.generate === "function";
}

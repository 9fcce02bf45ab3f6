import { toJSONSchema, type core } from "zod";
import { builtOnce } from "../built-once.js";
import { isoDateTime } from "../dates.js";
import type { OperationSpec } from "../operation.js";
import { selectResponseSpec } from "../response/select-spec.js";
import { check } from "../response/validate.js";
import { MockError } from "./mock-error.js";
import { describeOperation } from "./reply.js";

/** The sampler, an optional dependency of the SDK's users: loaded on first use only. */
const SAMPLER = "json-schema-faker";

/** Seeds tried after the requested one when a sample fails the validator (json-schema-faker cannot express every zod check). */
const ATTEMPTS = 20;

/** Keeps faked data small and recursion shallow. */
const SAMPLER_OPTIONS = { maxDepth: 4, maxDefaultItems: 3, optionalsProbability: 0.5 };

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
  if (spec.kind !== "json") return `fake ${operation.id} ${seed}`;
  if (spec.schema === undefined) return {};
  // Generated SDKs hand over zod schemas only; `Validator` just spares tsc their full types.
  const schema = builtOnce(spec.schema) as core.$ZodType;
  const jsonSchema = toJSONSchema(schema, { io: "input", unrepresentable: "any", cycles: "ref", reused: "inline", override: wireDates });
  const sampler = await loadSampler(where);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const sample = await sampler.generate(jsonSchema, { ...SAMPLER_OPTIONS, seed: seed + attempt * 7919 });
    if (check(spec.schema, sample).ok) return sample;
  }
  throw new MockError(`${where}: could not generate a valid ${status} response of ${describeOperation(operation)} from its schema; give a body with returns()`);
}

/** A `dates: "date"` SDK's date-time also admits a `Date` in code; on the wire it is RFC 3339 text. */
function wireDates(context: { readonly zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  if (context.zodSchema !== isoDateTime) return;
  for (const key of Object.keys(context.jsonSchema)) Reflect.deleteProperty(context.jsonSchema, key);
  Object.assign(context.jsonSchema, { type: "string", format: "date-time" });
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

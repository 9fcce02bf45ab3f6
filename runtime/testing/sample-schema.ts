/**
 * The JSON Schema that `returnsFake()` hands the sampler: the response validator's wire form,
 * cut to a size that makes small, plausible data in milliseconds.
 *
 * zod's `toJSONSchema()` converts everything a schema reaches. An API's schemas reach most of the
 * API (Stripe's `customer` reaches some 80 others through expandable fields, `anyOf` of an id and
 * the object), so converting it took seconds, and with `io: "input"` zod re-walks that graph for
 * every node it converts (Stripe's `postCustomers` took over 30 s). No option of zod or of the sampler
 * bounds that walk, so this module walks the structure itself, to a depth and a node budget, and
 * leaves each leaf (a string with its checks, a number, an enum) to zod.
 */
import { toJSONSchema, type core } from "zod/mini";
import { dateCodec } from "../date-codec.js";

type JsonSchema = Record<string, unknown>;

/** Object levels with optional properties, array items and record entries; deeper, only what is required. */
const FULL_DEPTH = 3;
/** Nodes converted in full; past this, the rest of the schema is converted as if it were deep. */
const NODE_BUDGET = 400;
/** Required properties that nest deeper than this cannot all be met (a required cycle): the schema is not fakeable. */
const MAX_DEPTH = 32;
/** Strings without a format or pattern get at most this many characters (Stripe allows 5,000 for an id). */
const MAX_STRING_LENGTH = 24;
/** Arrays and records get at most this many items or entries. */
const MAX_ITEMS = 3;
/** Numbers without bounds of their own stay within a range this wide (zod's int allows ±2^53). */
const NUMBER_RANGE = 10_000;

/** Thrown when the schema requires more nesting than `MAX_DEPTH`: no finite value satisfies it. */
export class UnfakeableSchemaError extends Error {}

/** The bounded JSON Schema of `schema`'s wire form (RFC 3339 text where a `dates: "date"` SDK has `Date`s). */
export function sampleSchema(schema: core.$ZodType): JsonSchema {
  let converted = cache.get(schema);
  if (converted === undefined) {
    converted = convert(schema, 0, { nodes: 0 });
    cache.set(schema, converted);
  }
  return converted;
}

const cache = new WeakMap<core.$ZodType, JsonSchema>();

/** `depth` counts object levels (and array items) above `schema`; `state.nodes`, the nodes converted so far. */
function convert(schema: core.$ZodType, depth: number, state: { nodes: number }): JsonSchema {
  if (depth > MAX_DEPTH) throw new UnfakeableSchemaError(`the schema requires values nested more than ${MAX_DEPTH} levels deep`);
  if (schema === dateCodec()) return { type: "string", format: "date-time" };
  state.nodes++;
  const full = depth < FULL_DEPTH && state.nodes < NODE_BUDGET;
  const def = (schema as core.$ZodTypes)._zod.def;
  switch (def.type) {
    case "lazy":
      // `innerType` is built once; `def.getter()` would build the schema anew on every call.
      return convert((schema as core.$ZodLazy)._zod.innerType, depth, state);
    case "optional":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return convert(def.innerType, depth, state);
    case "nullable":
      return full ? { anyOf: [convert(def.innerType, depth, state), { type: "null" }] } : { type: "null" };
    case "pipe":
      // A preprocess step (a transform) reads the received value; otherwise the input side is the wire form.
      return convert(def.in._zod.def.type === "transform" ? def.out : def.in, depth, state);
    case "object":
      return object(def, depth, full, state);
    case "array":
      return array(def, depth, full, state);
    case "tuple":
      return {
        type: "array",
        prefixItems: def.items.map((item) => convert(item, depth + 1, state)),
        minItems: def.items.length,
        ...(def.rest && full ? { items: convert(def.rest, depth + 1, state), maxItems: def.items.length + 1 } : { items: false }),
      };
    case "record":
      return record(def, depth, full, state);
    case "union": {
      const options = full ? def.options : shallowest(def.options);
      return { anyOf: options.map((option) => convert(option, depth, state)) };
    }
    case "intersection":
      return { allOf: [convert(def.left, depth, state), convert(def.right, depth, state)] };
    default:
      return leaf(schema);
  }
}

function object(def: core.$ZodObjectDef, depth: number, full: boolean, state: { nodes: number }): JsonSchema {
  const properties: JsonSchema = {};
  const required: string[] = [];
  for (const [key, field] of Object.entries(def.shape)) {
    const optional = field._zod.optin !== undefined;
    if (!optional) required.push(key);
    // A __proto__ key is an own property here too, not the prototype.
    if (!optional || full) Object.defineProperty(properties, key, { value: convert(field, depth + 1, state), enumerable: true, writable: true, configurable: true });
  }
  const strict = def.catchall?._zod.def.type === "never";
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}), ...(strict ? { additionalProperties: false } : {}) };
}

function array(def: core.$ZodArrayDef, depth: number, full: boolean, state: { nodes: number }): JsonSchema {
  const { minimum, maximum } = lengthBounds(def);
  const maxItems = Math.max(minimum, Math.min(maximum, full ? MAX_ITEMS : 0));
  return { type: "array", items: maxItems === 0 ? {} : convert(def.element, depth + 1, state), minItems: minimum, maxItems };
}

function record(def: core.$ZodRecordDef, depth: number, full: boolean, state: { nodes: number }): JsonSchema {
  const keys = def.keyType._zod.def.type === "enum" ? Object.values((def.keyType as core.$ZodEnum)._zod.def.entries) : undefined;
  // A record over an enum of keys needs every key.
  if (keys !== undefined) {
    const value = convert(def.valueType, depth + 1, state);
    return { type: "object", properties: Object.fromEntries(keys.map((key) => [String(key), value])), required: keys.map(String) };
  }
  if (!full) return { type: "object", maxProperties: 0 };
  return { type: "object", propertyNames: leaf(def.keyType), additionalProperties: convert(def.valueType, depth + 1, state), maxProperties: MAX_ITEMS };
}

/** The options that stop soonest: those that are not objects or arrays (Stripe's id beside the expanded object), else the first. */
function shallowest(options: readonly core.$ZodType[]): readonly core.$ZodType[] {
  const leaves = options.filter((option) => !["object", "array", "tuple", "record", "intersection"].includes(unwrapped(option)._zod.def.type));
  return leaves.length > 0 ? leaves : options.slice(0, 1);
}

function unwrapped(schema: core.$ZodType): core.$ZodType {
  const def = (schema as core.$ZodTypes)._zod.def;
  if (def.type === "lazy") return unwrapped((schema as core.$ZodLazy)._zod.innerType);
  if (def.type === "optional" || def.type === "nullable" || def.type === "readonly") return unwrapped(def.innerType);
  return schema;
}

/** zod's own JSON Schema of a schema that reaches no other: a string's checks, a number's bounds, an enum's values. */
function leaf(schema: core.$ZodType): JsonSchema {
  const { $schema: _, ...json } = toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const free = ["format", "pattern", "enum", "const"].every((keyword) => json[keyword] === undefined);
  if (json["type"] === "string" && free) {
    const maxLength = Math.max(numberOr(json["minLength"], 0), Math.min(numberOr(json["maxLength"], Infinity), MAX_STRING_LENGTH));
    // An empty id or name is valid but looks like a bug in the code under test.
    json["minLength"] = Math.max(numberOr(json["minLength"], 0), Math.min(1, maxLength));
    json["maxLength"] = maxLength;
  }
  if (json["type"] === "integer" || json["type"] === "number") narrowRange(json);
  return json;
}

/** Keeps a number near zero (within its own bounds) unless its bounds are narrower already. */
function narrowRange(json: JsonSchema): void {
  const lower = numberOr(json["minimum"], numberOr(json["exclusiveMinimum"], -Infinity));
  const upper = numberOr(json["maximum"], numberOr(json["exclusiveMaximum"], Infinity));
  if (upper - lower <= NUMBER_RANGE) return;
  // The window lies inside the bounds, so an exclusive bound it replaces still holds.
  const from = lower > -NUMBER_RANGE ? lower : Math.min(0, upper - NUMBER_RANGE);
  const to = Math.min(upper, from + NUMBER_RANGE);
  if (from !== lower) {
    delete json["exclusiveMinimum"];
    json["minimum"] = from;
  }
  if (to !== upper) {
    delete json["exclusiveMaximum"];
    json["maximum"] = to;
  }
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}

/** An array's length checks. */
function lengthBounds(def: core.$ZodArrayDef): { minimum: number; maximum: number } {
  let minimum = 0;
  let maximum = Number.POSITIVE_INFINITY;
  for (const check of def.checks ?? []) {
    const { check: kind, ...bounds } = check._zod.def as { readonly check: string; readonly minimum?: number; readonly maximum?: number; readonly length?: number };
    if (kind === "min_length" && bounds.minimum !== undefined) minimum = Math.max(minimum, bounds.minimum);
    if (kind === "max_length" && bounds.maximum !== undefined) maximum = Math.min(maximum, bounds.maximum);
    if (kind === "length_equals" && bounds.length !== undefined) [minimum, maximum] = [bounds.length, bounds.length];
  }
  return { minimum, maximum };
}

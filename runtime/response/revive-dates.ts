import type { core } from "zod";
import { dateCodec } from "../date-codec.js";
import { isPlainObject } from "../request/values.js";
import { check } from "./validate.js";

/** Guards against schemas that refer to themselves without descending into the value. */
const MAX_STEPS = 512;

/**
 * Turns the date-time text of a body that was not (or not successfully) validated into `Date`s,
 * as a `dates: "date"` SDK's types promise: the schema is walked alongside the value, and only
 * text at `isoDateTime` positions that is valid RFC 3339 is replaced; anything else, keys the
 * schema does not list included, stays as received. Objects and arrays are changed in place (the
 * body is the SDK's own parse); the possibly replaced value is returned.
 */
export function reviveDates(schema: core.$ZodType, value: unknown): unknown {
  return holdsDates(schema) ? revive(schema, value, 0) : value;
}

/** Whether a schema reaches an `isoDateTime`, kept per schema: most bodies of most APIs have none to walk for. */
const reachesDates = new WeakMap<core.$ZodType, boolean>();

function holdsDates(root: core.$ZodType): boolean {
  const isoDateTime = dateCodec();
  if (isoDateTime === undefined) return false;
  let holds = reachesDates.get(root);
  if (holds === undefined) {
    holds = false;
    const seen = new Set<core.$ZodType>();
    const stack = [root];
    for (let schema = stack.pop(); schema !== undefined && !holds; schema = stack.pop()) {
      if (schema === isoDateTime) holds = true;
      else if (!seen.has(schema)) {
        seen.add(schema);
        stack.push(...children(schema));
      }
    }
    reachesDates.set(root, holds);
  }
  return holds;
}

function children(schema: core.$ZodType): core.$ZodType[] {
  const def = (schema as core.$ZodTypes)._zod.def;
  const inner = wrapped(def);
  if (inner !== undefined) return [inner];
  switch (def.type) {
    case "pipe":
      return [def.in, def.out];
    case "intersection":
      return [def.left, def.right];
    case "union":
      return [...def.options];
    case "array":
      return [def.element];
    case "tuple":
      return [...def.items, ...(def.rest ? [def.rest] : [])];
    case "object":
      return [...Object.values(def.shape), ...(def.catchall ? [def.catchall] : [])];
    case "record":
      return [def.valueType];
    default:
      return [];
  }
}

function revive(schema: core.$ZodType, value: unknown, steps: number): unknown {
  if (schema === dateCodec()) return typeof value === "string" ? (decodedDateTime(value) ?? value) : value;
  if (steps > MAX_STEPS || value === null || (typeof value !== "object" && typeof value !== "string")) return value;
  const next = steps + 1;
  const def = (schema as core.$ZodTypes)._zod.def;
  const inner = wrapped(def);
  if (inner !== undefined) return revive(inner, value, next);
  switch (def.type) {
    case "pipe":
      // A preprocess step (such as ownProperties) reads the received value: its target has the shape.
      return revive(def.in._zod.def.type === "transform" ? def.out : def.in, value, next);
    case "intersection":
      return revive(def.right, revive(def.left, value, next), next);
    case "union": {
      const variant = variantFor(def, value);
      return variant ? revive(variant, value, next) : value;
    }
    case "array":
      if (Array.isArray(value)) value.forEach((item, index) => setOwn(value, index, revive(def.element, item, next)));
      return value;
    case "tuple":
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          const itemSchema = def.items[index] ?? def.rest;
          if (itemSchema) setOwn(value, index, revive(itemSchema, item, next));
        });
      }
      return value;
    case "object":
      if (isPlainObject(value)) {
        const shape = def.shape;
        for (const key of Object.keys(value)) {
          const property = Object.hasOwn(shape, key) ? shape[key] : def.catchall;
          if (property) setOwn(value, key, revive(property, value[key], next));
        }
      }
      return value;
    case "record":
      if (isPlainObject(value)) for (const key of Object.keys(value)) setOwn(value, key, revive(def.valueType, value[key], next));
      return value;
    default:
      return value;
  }
}

/**
 * The variant a value belongs to: by its tag in a discriminated union; otherwise the first it
 * passes or, the body not being valid, the first of its kind (date-time text, array, object).
 */
function variantFor(def: core.$ZodUnionDef, value: unknown): core.$ZodType | undefined {
  const tagKey = "discriminator" in def && typeof def.discriminator === "string" ? def.discriminator : undefined;
  if (tagKey !== undefined) {
    const tag: unknown = isPlainObject(value) ? value[tagKey] : undefined;
    return def.options.find((option) => option._zod.propValues?.[tagKey]?.has(tag as core.util.Primitive) === true);
  }
  const kind = kindOfValue(value);
  if (kind === undefined) return undefined;
  return def.options.find((option) => check(option, value).ok) ?? def.options.find((option) => kindOf(option, 0) === kind);
}

type Kind = "date" | "array" | "object";

function kindOfValue(value: unknown): Kind | undefined {
  if (typeof value === "string") return decodedDateTime(value) !== undefined ? "date" : undefined;
  return Array.isArray(value) ? "array" : isPlainObject(value) ? "object" : undefined;
}

/** What a schema admits at its top, through wrappers; undefined for anything else. */
function kindOf(schema: core.$ZodType, steps: number): Kind | undefined {
  if (schema === dateCodec()) return "date";
  if (steps > MAX_STEPS) return undefined;
  const def = (schema as core.$ZodTypes)._zod.def;
  const inner = wrapped(def);
  if (inner !== undefined) return kindOf(inner, steps + 1);
  switch (def.type) {
    case "pipe":
      return kindOf(def.in._zod.def.type === "transform" ? def.out : def.in, steps + 1);
    case "array":
    case "tuple":
      return "array";
    case "object":
    case "record":
    case "intersection":
      return "object";
    default:
      return undefined;
  }
}

/** The schema a wrapper (optional, nullable, default, …, lazy) stands for; undefined for any other kind. */
function wrapped(def: core.$ZodTypes["_zod"]["def"]): core.$ZodType | undefined {
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return def.innerType;
    case "lazy":
      return def.getter();
    default:
      return undefined;
  }
}

/** The `Date` that `isoDateTime` decodes text to, if the text is an RFC 3339 date-time with an offset. */
function decodedDateTime(text: string): Date | undefined {
  const isoDateTime = dateCodec();
  if (isoDateTime === undefined) return undefined;
  const checked = check(isoDateTime, text);
  return checked.ok ? (checked.value as Date) : undefined;
}

/** Defined rather than assigned: a `__proto__` key of parsed JSON is an own property, not the prototype. */
function setOwn(target: object, key: string | number, value: unknown): void {
  if (Reflect.get(target, key) !== value) Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

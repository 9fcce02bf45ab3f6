/**
 * ajv 8 (+ ajv-formats) judging bodies against the spec's schemas, in three readings of the spec:
 *
 *   strict    the spec as written (3.0: draft-07 with `nullable` and boolean exclusive bounds
 *             rewritten; 3.1: draft 2020-12); `format: int32`/`int64` on `type: number` checks an
 *             integer in range, as the SDK does (README);
 *   tolerant  what README's "Committed SDKs outlive the spec" promises to accept: keys the spec
 *             does not list, enum values it does not list, variants of a discriminated union it
 *             does not list (a present tag with an unlisted value), and `oneOf` read as "at least
 *             one" (README documents it);
 *   write     strict, for a request: a required `readOnly` property is not required (OpenAPI 3.0:
 *             "the required will take effect on the response only"; the SDK's request types drop
 *             readOnly properties);
 *   typed     tolerant, with a schema that has object keywords (`properties`…) but no `type` read
 *             as an object, as the SDK reads it (README: inference rules); only to find that
 *             evidence for a body the SDK refused (see `inferredObjectNulls`).
 *
 * A body the SDK accepted must pass `tolerant`; arguments built for a request must pass `write`.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule, { type FormatsPlugin } from "ajv-formats";
import { isObject, type Json, type JsonObject, type OpenApiDoc } from "./spec.ts";

const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as FormatsPlugin;

export type Reading = "strict" | "tolerant" | "write" | "typed";
type Relaxation = "additions" | "anyOf" | "readOnlyRequired" | "objectType";
const RELAXATIONS: Record<Reading, ReadonlySet<Relaxation>> = {
  strict: new Set(),
  tolerant: new Set(["additions", "anyOf"]),
  write: new Set(["readOnlyRequired"]),
  typed: new Set(["additions", "anyOf", "objectType"]),
};

/** Keywords that make a schema without `type` an object for the SDK. */
const OBJECT_KEYWORDS = ["properties", "additionalProperties", "patternProperties", "required", "minProperties", "maxProperties"];
/** Marks the `type: "object"` the `typed` reading added, so an error can be traced to it. */
const INFERRED = "x-conformance-inferred-object";

export interface Verdict {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

type AjvLike = Pick<Ajv, "compile" | "addSchema">;

const INT_RANGES: Record<string, readonly [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER * 1024, Number.MAX_SAFE_INTEGER * 1024],
};

function newAjv(version: OpenApiDoc["version"]): AjvLike {
  // verbose: errors carry the schema that raised them (see inferredObjectNulls).
  const options = { strict: false, validateSchema: false, allErrors: true, logger: false, addUsedSchema: false, verbose: true } as const;
  const ajv = version === "3.1" ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  for (const [name, [min, max]] of Object.entries(INT_RANGES)) {
    ajv.addFormat(name, { type: "number", validate: (n: number) => Number.isInteger(n) && n >= min && n <= max });
  }
  for (const name of ["float", "double"]) ajv.addFormat(name, { type: "number", validate: () => true });
  ajv.addFormat("byte", /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  for (const name of ["binary", "password"]) ajv.addFormat(name, () => true);
  return ajv;
}

function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

/** OpenAPI 3.0's schema dialect as draft-07: `nullable`, boolean `exclusiveMinimum`/`exclusiveMaximum`. */
function draft07(node: Json): Json {
  if (Array.isArray(node)) return node.map(draft07);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = draft07(value);
  for (const bound of ["Minimum", "Maximum"] as const) {
    const flag = out[`exclusive${bound}`];
    const limit = out[bound.toLowerCase()];
    if (typeof flag === "boolean") {
      delete out[`exclusive${bound}`];
      if (flag && typeof limit === "number") {
        out[`exclusive${bound}`] = limit;
        delete out[bound.toLowerCase()];
      }
    }
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else if (typeof out.$ref === "string" || out.allOf !== undefined || out.oneOf !== undefined || out.anyOf !== undefined || out.enum !== undefined) {
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
      return { anyOf: [out, { type: "null" }] };
    }
  } else if (out.nullable === false) delete out.nullable;
  return out;
}

function discriminatorTags(node: JsonObject): string[] {
  const discriminator = node.discriminator;
  if (!isObject(discriminator)) return [];
  const tags = isObject(discriminator.mapping) ? Object.keys(discriminator.mapping) : [];
  for (const variant of [...(Array.isArray(node.oneOf) ? node.oneOf : []), ...(Array.isArray(node.anyOf) ? node.anyOf : [])]) {
    if (isObject(variant) && typeof variant.$ref === "string") tags.push(variant.$ref.split("/").pop()!);
  }
  return tags;
}

/** Whether a property's schema is readOnly, itself or through a local `$ref` (3.0 ignores siblings of `$ref`). */
function isReadOnly(property: Json | undefined, document: JsonObject): boolean {
  if (!isObject(property)) return false;
  if (property.readOnly === true) return true;
  if (typeof property.$ref !== "string" || !property.$ref.startsWith("#/")) return false;
  let target: Json | undefined = document;
  for (const token of property.$ref.slice(2).split("/")) target = isObject(target) ? target[token.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined;
  return isObject(target) && target.readOnly === true;
}

function relaxed(node: Json, relax: ReadonlySet<Relaxation>, document: JsonObject): Json {
  if (Array.isArray(node)) return node.map((n) => relaxed(n, relax, document));
  if (!isObject(node)) return node;
  const additions = relax.has("additions");
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (additions && (key === "enum" || key === "const")) continue;
    if (additions && (key === "additionalProperties" || key === "unevaluatedProperties") && value === false) continue;
    out[key === "oneOf" && relax.has("anyOf") ? "anyOf" : key] = relaxed(value, relax, document);
  }
  if (relax.has("readOnlyRequired") && Array.isArray(out.required) && isObject(node.properties)) {
    const properties = node.properties;
    out.required = out.required.filter((name) => !isReadOnly(properties[String(name)], document));
  }
  if (relax.has("objectType") && out.type === undefined && OBJECT_KEYWORDS.some((key) => out[key] !== undefined)) {
    out.type = "object";
    out[INFERRED] = true;
  }
  const tagName = isObject(node.discriminator) ? node.discriminator.propertyName : undefined;
  const union = Array.isArray(out.oneOf) ? "oneOf" : "anyOf";
  const variants = out[union];
  if (additions && typeof tagName === "string" && Array.isArray(variants)) {
    // An unlisted variant: the tag is there, with a value the spec does not list.
    const unlisted: JsonObject = { type: "object", required: [tagName], not: { properties: { [tagName]: { enum: discriminatorTags(node) } }, required: [tagName] } };
    delete out[union];
    out.anyOf = [{ [union]: variants }, unlisted];
  }
  return out;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === "" ? "(root)" : error.instancePath;
  const params = error.keyword === "additionalProperties" ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})` : "";
  return `${where} ${error.message ?? error.keyword}${params}`;
}

/** One spec's judge: validators compiled lazily per schema pointer and reading. */
export class Judge {
  private readonly ajvs = new Map<Reading, AjvLike>();
  private readonly compiled = new Map<string, ValidateFunction | Error>();

  private readonly spec: OpenApiDoc;

  constructor(spec: OpenApiDoc) {
    this.spec = spec;
  }

  private ajv(reading: Reading): AjvLike {
    let ajv = this.ajvs.get(reading);
    if (ajv === undefined) {
      ajv = newAjv(this.spec.version);
      let document: Json = clone(this.spec.document);
      if (this.spec.version === "3.0") document = draft07(document);
      if (reading !== "strict") document = relaxed(document, RELAXATIONS[reading], document as JsonObject);
      ajv.addSchema(document as JsonObject, "spec");
      this.ajvs.set(reading, ajv);
    }
    return ajv;
  }

  validate(pointer: string, value: unknown, reading: Reading = "strict"): Verdict {
    const key = `${reading} ${pointer}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      try {
        validate = this.ajv(reading).compile({ $ref: `spec${pointer}` });
      } catch (error) {
        validate = error instanceof Error ? error : new Error(String(error));
      }
      this.compiled.set(key, validate);
    }
    if (validate instanceof Error) return { valid: false, errors: [`ajv cannot compile ${pointer}: ${validate.message}`] };
    const valid = validate(value);
    return { valid, errors: valid ? [] : (validate.errors ?? []).slice(0, 5).map(describe) };
  }

  /**
   * The places where a body the tolerant reading accepts holds `null` for a schema without `type`
   * that has object keywords (which JSON Schema reads as any type, and the SDK as an object), when
   * that is all the `typed` reading refuses; undefined when it refuses anything else, or nothing.
   */
  inferredObjectNulls(pointer: string, value: unknown): string[] | undefined {
    const verdict = this.validate(pointer, value, "typed");
    if (verdict.valid) return undefined;
    const errors = (this.compiled.get(`typed ${pointer}`) as ValidateFunction).errors ?? [];
    const nulls = errors.filter((e) => e.keyword === "type" && isObject(e.parentSchema as Json) && (e.parentSchema as JsonObject)[INFERRED] === true && e.data === null);
    // Anything else (allErrors also reports the anyOf/oneOf a null broke) must be explained by those nulls.
    const explained = errors.every((e) => nulls.includes(e) || ((e.keyword === "anyOf" || e.keyword === "oneOf") && nulls.some((n) => n.instancePath.startsWith(e.instancePath))));
    return nulls.length > 0 && explained ? [...new Set(nulls.map((e) => e.instancePath || "(root)"))] : undefined;
  }

  /** How a response body reads, strictly and within the documented tolerance. */
  response(pointer: string, value: unknown): { strict: Verdict; tolerant: Verdict } {
    return { strict: this.validate(pointer, value, "strict"), tolerant: this.validate(pointer, value, "tolerant") };
  }
}

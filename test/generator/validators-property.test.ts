/**
 * Property-based checks of the generated validators: for every component schema of every
 * fixture, json-schema-faker generates instances (seeded, so runs repeat) that the validator must
 * accept, and each instance with a required property removed must be rejected.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { generate as fake, registerFormat, type JsonSchema } from "json-schema-faker";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { fixturePath, fixtures, generateInto } from "../support/sdk.js";

const SAMPLES = 12;
/** json-schema-faker cuts recursion off at this depth with values that are not valid instances. */
const MAX_DEPTH = 10;

registerFormat("date", (random) => new Date(Date.UTC(2000 + Math.floor(random.next() * 30), 0, 1 + Math.floor(random.next() * 28))).toISOString().slice(0, 10));
registerFormat("time", () => "12:34:56Z");
registerFormat("byte", () => "aGVsbG8gd29ybGQ=");
registerFormat("password", () => "correct horse battery staple");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Validator = { safeParse(value: unknown): { success: boolean; error?: { issues: unknown[] } } };

/** OpenAPI 3.0 schema quirks → the JSON Schema json-schema-faker reads. */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== "object") return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "nullable" || key === "discriminator" || key === "example" || key === "xml") continue;
    out[key] = key === "$ref" && typeof value === "string" ? value.replace("#/components/schemas/", "#/$defs/") : toJsonSchema(value);
  }
  if (node.exclusiveMinimum === true && typeof node.minimum === "number") [out.exclusiveMinimum, out.minimum] = [node.minimum, null];
  if (node.exclusiveMaximum === true && typeof node.maximum === "number") [out.exclusiveMaximum, out.maximum] = [node.maximum, null];
  for (const key of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]) if (out[key] === null || out[key] === false) delete out[key];
  // An integer format makes a number an integer, as ajv-formats reads it (see README, "Types").
  if (node.type === "number" && (node.format === "int32" || node.format === "int64")) out.type = "integer";
  return out;
}

/** Required, non-writeOnly properties of an object schema (following one `$ref` level of allOf). */
function requiredKeys(schema: Json, components: { [name: string]: Json }): string[] {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return [];
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === "string") : [];
  const properties = schema.properties !== null && typeof schema.properties === "object" && !Array.isArray(schema.properties) ? schema.properties : {};
  const own = required.filter((key) => {
    const property = properties[key];
    return !(property !== null && typeof property === "object" && !Array.isArray(property) && (property.writeOnly === true || property.readOnly === true));
  });
  const parts = Array.isArray(schema.allOf) ? schema.allOf : [];
  return [
    ...own,
    ...parts.flatMap((part) => {
      const target = part !== null && typeof part === "object" && !Array.isArray(part) && typeof part.$ref === "string" ? components[part.$ref.split("/").pop() ?? ""] : part;
      return target === undefined ? [] : requiredKeys(target, components);
    }),
  ];
}

describe.each(fixtures)("validators of $file, on generated instances", ({ file, name }) => {
  const document = parse(readFileSync(fixturePath(file), "utf8")) as { components?: { schemas?: { [name: string]: Json } } };
  const components = document.components?.schemas ?? {};
  // The fixtures' schemas, rewritten to JSON Schema: what json-schema-faker reads.
  const $defs = toJsonSchema(components) as Record<string, JsonSchema>;
  const sdk = generateInto(fixturePath(file), `property/${name}`).then(
    async ({ out }) => (await import(pathToFileURL(path.join(out, "schemas.ts")).href)) as Record<string, Validator>,
  );

  it("accept every valid instance and reject it without a required property", async () => {
    const validators = await sdk;
    let checked = 0;
    for (const schemaName of Object.keys(components)) {
      const validator = Object.entries(validators).find(([exported]) => exported === `${pascal(schemaName)}Schema`)?.[1];
      // A file (format: binary) is a Blob or stream in the validator, which no JSON instance can be.
      if (!validator || reachesBinary(schemaName, components)) continue;
      const required = requiredKeys(components[schemaName] ?? null, components);
      for (let seed = 1; seed <= SAMPLES; seed++) {
        const options = { seed, maxDepth: MAX_DEPTH, refDepthMax: MAX_DEPTH, maxDefaultItems: 2, optionalsProbability: [0.15, 0.3, 0.5][seed % 3] ?? 0.3 };
        const instance = (await fake({ $defs, $ref: `#/$defs/${schemaName}` }, options)) as Json;
        if (depthOf(instance) >= MAX_DEPTH - 2) continue;
        const result = validator.safeParse(instance);
        expect(result.success, `${schemaName} (seed ${seed}) rejected ${JSON.stringify(instance)}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
        checked++;
        const [key] = required;
        if (key !== undefined && instance !== null && typeof instance === "object" && !Array.isArray(instance)) {
          const { [key]: _removed, ...mutated } = instance;
          expect(validator.safeParse(mutated).success, `${schemaName} (seed ${seed}) accepted it without "${key}"`).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

/** Whether a component schema, or one it refers to, has a `format: binary` string somewhere. */
function reachesBinary(schemaName: string, components: { [name: string]: Json }, seen = new Set<string>()): boolean {
  if (seen.has(schemaName)) return false;
  seen.add(schemaName);
  const text = JSON.stringify(components[schemaName] ?? null);
  if (/"format":"binary"/.test(text)) return true;
  return [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].some(([, name]) => name !== undefined && reachesBinary(name, components, seen));
}

function depthOf(value: Json): number {
  if (value === null || typeof value !== "object") return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

/** The generator's type name for a plain component name (the fixtures' names need no suffixes). */
function pascal(name: string): string {
  return name
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

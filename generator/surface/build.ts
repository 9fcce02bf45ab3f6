/**
 * Model → API surface: each client method with its arguments, result and errors, and each
 * exported type flattened into typed positions (see `SchemaSurface.slots`).
 */
import type { ApiModel, NamedSchema, Operation, Response, Schema } from "../model/model.js";
import { referenceGraph, schemaIndex, usedSchemas } from "../analyze/schema-facts.js";
import { paginationOf } from "../analyze/pagination/decide.js";
import { isIdentifier } from "../model/naming.js";
import { routeKey } from "../model/route.js";
import { declaredVariables } from "../model/servers.js";
import type { DatesMode } from "../emit/context.js";
import { successResponses } from "../emit/types.js";
import { clientPath } from "../model/route.js";
import type { ApiSurface, OperationSurface, SchemaSurface, Side, Slot } from "./model.js";

/** `dates`: with `"date"`, date-time positions read `Date`, so switching modes shows in `--check`. */
export function buildSurface(model: ApiModel, strict: boolean, dates: DatesMode = "string"): ApiSurface {
  const describe = new Describer(schemaIndex(model.schemas), dates);
  const sides = schemaSides(model);
  return {
    strict,
    operations: sortedRecord(model.operations.map((operation) => [clientPath(operation), operationSurface(describe, operation)])),
    schemas: sortedRecord(model.schemas.map((named) => [named.name, schemaSurface(describe, named, sides.get(named.pointer) ?? [])])),
    ...(model.webhooks.length > 0 && { webhooks: sortedRecord(model.webhooks.map((webhook) => [webhook.name, describe.slot(webhook.payload)])) }),
    ...serverSurface(model),
  };
}

function serverSurface(model: ApiModel): Pick<ApiSurface, "environments" | "serverVariables"> {
  const variables = declaredVariables(model).map((variable): [string, Slot] => [variable.name, variable.enum === undefined ? { type: "string" } : { type: "enum", values: variable.enum }]);
  return {
    ...(model.servers.length > 0 && { environments: model.servers.map((server) => server.name) }),
    ...(variables.length > 0 && { serverVariables: sortedRecord(variables) }),
  };
}

function operationSurface(describe: Describer, operation: Operation): OperationSurface {
  const params = operation.parameters.map((parameter): [string, Slot] => [
    parameter.key,
    canonical({ ...describe.slot(parameter.schema), ...(parameter.required && { required: true }), in: parameter.in }),
  ]);
  const { body } = operation;
  const successes = new Set(successResponses(operation));
  const errors = operation.responses.filter((response) => !successes.has(response) && !response.status.startsWith("2"));
  const pagination = paginationOf(operation)?.style;
  return {
    route: routeKey(operation.method, operation.path),
    ...(operation.deprecated && { deprecated: true }),
    ...(pagination !== undefined && { pagination }),
    params: sortedRecord(params),
    ...(body && {
      body: canonical({
        ...(body.kind === "binary" ? { type: "binary" } : describe.slot(body.schema)),
        ...(body.required && { required: true }),
        media: body.mediaType,
      }),
    }),
    result: resultSlot(describe, [...successes]),
    errors: sortedRecord(errors.map((response) => [response.status, responseText(describe, response)])),
  };
}

function resultSlot(describe: Describer, successes: readonly Response[]): Slot {
  const [only, ...others] = successes;
  if (only === undefined) return { type: "unknown" };
  if (others.length === 0) return only.content?.kind === "json" ? describe.slot(only.content.schema) : { type: responseText(describe, only) };
  return { type: "union", variants: [...new Set(successes.map((response) => responseText(describe, response)))] };
}

function responseText(describe: Describer, response: Response): string {
  if (!response.content) return "undefined";
  if (response.content.stream) return `Stream<${describe.text(response.content.schema)}>`;
  if (response.content.kind === "binary") return "Response";
  if (response.content.kind === "text") return "string";
  return describe.text(response.content.schema);
}

function schemaSurface(describe: Describer, named: NamedSchema, sides: readonly Side[]): SchemaSurface {
  const slots: [string, Slot][] = [["", describe.slot(named.schema)]];
  describe.children(named.schema, "", slots);
  return { sides, ...(named.hasWritableView && { writable: true }), slots: sortedRecord(slots) };
}

/** Which sides each named schema is met on (webhook payloads are read, as responses are); one nothing uses counts as both. */
function schemaSides(model: ApiModel): Map<string, Side[]> {
  const { schemas } = model;
  // The graph analysis built; the operations the SDK keeps (include and exclude applied) say the sides.
  const { requests, responses } = usedSchemas(referenceGraph(schemas), model);
  return new Map(
    schemas.map(({ pointer }) => {
      const sides: Side[] = [...(requests.has(pointer) ? ["request" as const] : []), ...(responses.has(pointer) ? ["response" as const] : [])];
      return [pointer, sides.length > 0 ? sides : ["request", "response"]];
    }),
  );
}

/** Summaries of schemas, naming named ones instead of expanding them. */
class Describer {
  readonly #named: ReadonlyMap<string, NamedSchema>;
  readonly #dates: DatesMode;

  constructor(named: ReadonlyMap<string, NamedSchema>, dates: DatesMode) {
    this.#named = named;
    this.#dates = dates;
  }

  /** The slot for a position holding `schema`; enums and unions list their members for diffing. */
  slot(schema: Schema): Slot {
    const flags = {
      ...(schema.nullable === true && schema.kind !== "null" && { nullable: true as const }),
      ...(schema.readOnly === true && { readOnly: true as const }),
      ...(schema.writeOnly === true && { writeOnly: true as const }),
    };
    if (schema.kind === "enum") return { type: "enum", values: schema.values, ...flags };
    if (schema.kind === "union" && schema.variants.length > 0) return { type: "union", variants: schema.variants.map((v) => this.text(v)), ...flags };
    // Where the inside has slots of its own, the summary stays generic so one change is reported once.
    if (schema.kind === "array" && hasOwnSlot(schema.items) && !schema.prefixItems) return { type: "array", ...flags };
    if (schema.kind === "object" && schema.additionalProperties && hasOwnSlot(schema.additionalProperties)) return { type: "object", ...flags };
    return { type: this.#baseText(schema), ...flags };
  }

  /** The positions inside an inline schema: fields, array items and map values. */
  children(schema: Schema, path: string, into: [string, Slot][]): void {
    switch (schema.kind) {
      case "object":
        for (const property of schema.properties) {
          const at = fieldPath(path, property.name);
          into.push([at, canonical({ ...this.slot(property.schema), ...(property.required && { required: true }) })]);
          this.children(property.schema, at, into);
        }
        if (schema.additionalProperties && hasOwnSlot(schema.additionalProperties)) {
          into.push([`${path}{}`, this.slot(schema.additionalProperties)]);
          this.children(schema.additionalProperties, `${path}{}`, into);
        }
        return;
      case "array":
        if (hasOwnSlot(schema.items) && !schema.prefixItems) {
          into.push([`${path}[]`, this.slot(schema.items)]);
          this.children(schema.items, `${path}[]`, into);
        }
        return;
      case "allOf":
        for (const part of schema.parts) if (part.kind === "object") this.children(part, path, into);
        return;
      default:
        return;
    }
  }

  /** A one-line summary of a type: `Pet[]`, `"a" | "b"`, `string(date-time) | null`. */
  text(schema: Schema): string {
    const base = this.#baseText(schema);
    return schema.nullable === true && schema.kind !== "null" ? `${base} | null` : base;
  }

  #baseText(schema: Schema): string {
    switch (schema.kind) {
      case "ref":
        return this.#named.get(schema.target)?.name ?? "unknown";
      case "string":
        if (schema.format === "date-time" && this.#dates === "date") return "Date";
        return schema.format === "binary" ? "binary" : schema.format !== undefined ? `string(${schema.format})` : "string";
      case "number":
        return schema.integer ? "integer" : "number";
      case "boolean":
      case "null":
      case "unknown":
        return schema.kind;
      case "enum":
        return schema.values.map((value) => JSON.stringify(value)).join(" | ");
      case "array": {
        const items = grouped(this.text(schema.items));
        return schema.prefixItems ? `[${[...schema.prefixItems.map((item) => this.text(item)), `...${items}[]`].join(", ")}]` : `${items}[]`;
      }
      case "object":
        return schema.properties.length === 0 && schema.additionalProperties ? `Record<string, ${this.text(schema.additionalProperties)}>` : "object";
      case "union":
        return schema.variants.length === 0 ? "never" : schema.variants.map((variant) => grouped(this.text(variant))).join(" | ");
      case "allOf":
        return schema.parts.map((part) => grouped(this.text(part))).join(" & ");
    }
  }
}

/** The slot with its keys in one order, so the stored file reads the same everywhere. */
function canonical(slot: Slot): Slot {
  const { type, values, variants, required, nullable, readOnly, writeOnly, in: location, media } = slot;
  return {
    type,
    ...(values && { values }),
    ...(variants && { variants }),
    ...(required && { required }),
    ...(nullable && { nullable }),
    ...(readOnly && { readOnly }),
    ...(writeOnly && { writeOnly }),
    ...(location && { in: location }),
    ...(media !== undefined && { media }),
  };
}

/** Inline schemas whose inside is worth its own slots: objects, enums, unions, compositions. */
function hasOwnSlot(schema: Schema): boolean {
  return schema.kind === "object" || schema.kind === "enum" || schema.kind === "union" || schema.kind === "allOf" || (schema.kind === "array" && hasOwnSlot(schema.items));
}

function grouped(text: string): string {
  return / [|&] /.test(text) ? `(${text})` : text;
}

/** `owner.name`, or `owner["x-id"]` where the key is not an identifier. */
export function fieldPath(parent: string, name: string): string {
  if (!isIdentifier(name)) return `${parent}[${JSON.stringify(name)}]`;
  return parent === "" ? name : `${parent}.${name}`;
}

/** Keys sorted, so the stored file diffs well; `fromEntries` keeps a key like `__proto__` an own key. */
function sortedRecord<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

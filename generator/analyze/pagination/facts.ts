/** What an operation offers for paginating: its page response, its query parameters and the response's fields. */
import type { FieldPath, NamedSchema, Operation, Parameter, Response, Schema } from "../../model/model.js";
import { resolveSchema } from "../schema-facts.js";
import type { PaginationOption } from "./config.js";

/** What `decidePagination` reads: the operation as converted, its raw extensions, and the named schemas. */
export interface PaginationInput {
  readonly operation: Operation;
  /** The raw operation object (for `x-pagination` and `x-speakeasy-pagination`). */
  readonly raw?: Readonly<Record<string, unknown>>;
  /** The generator option for this operation, which wins over everything else. */
  readonly option?: PaginationOption;
  /** The named schemas by pointer (analysis's index), which references resolve to. */
  readonly schemas: ReadonlyMap<string, NamedSchema>;
}

export interface Field {
  readonly path: FieldPath;
  /** The normalized property name (`next_cursor`, `nextCursor` → `nextcursor`). */
  readonly name: string;
  /** The normalized name of the object holding it, `""` at the top. */
  readonly parent: string;
  /** The field's schema with references followed. */
  readonly schema: Schema;
}

export interface Facts {
  readonly operation: Operation;
  readonly resolve: (schema: Schema) => Schema;
  /** The first 2xx response with a JSON body: the page. */
  readonly response: Response | undefined;
  readonly body: Schema | undefined;
  /** Query parameters, the ones heuristics consider. */
  readonly query: readonly Parameter[];
  /** Scalar and object fields of the body, three levels deep, arrays not entered. */
  readonly fields: readonly Field[];
  /** Normalized response header names → the names as declared. */
  readonly headers: ReadonlyMap<string, string>;
}

export function gatherFacts(input: PaginationInput): Facts {
  const { operation } = input;
  const resolve = (schema: Schema): Schema => resolveSchema(input.schemas, schema);
  const response = operation.responses.find((r) => /^2/.test(r.status) && r.content?.kind === "json");
  const body = response?.content?.schema;
  return {
    operation,
    resolve,
    response,
    body,
    query: operation.parameters.filter((p) => p.in === "query"),
    fields: body ? collectFields(body, resolve) : [],
    headers: new Map((response?.headers ?? []).map((h) => [normalize(h.name), h.name])),
  };
}

/** `next_cursor`, `nextCursor`, `page[size]`, `$skip`, `@odata.nextLink` → `nextcursor`, `pagesize`, `skip`, `odatanextlink`. */
export function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** An object schema's properties, through `allOf` parts and references. */
export function propertiesOf(schema: Schema, resolve: (schema: Schema) => Schema, depth = 0): readonly { name: string; schema: Schema }[] {
  const resolved = resolve(schema);
  if (depth > 8) return [];
  if (resolved.kind === "object") return resolved.properties;
  if (resolved.kind === "allOf") return resolved.parts.flatMap((part) => propertiesOf(part, resolve, depth + 1));
  return [];
}

/** The kind of a schema with references followed and a null alternative dropped. */
export function kindOf(schema: Schema, resolve: (schema: Schema) => Schema): Schema {
  const resolved = resolve(schema);
  if (resolved.kind !== "union") return resolved;
  const nonNull = resolved.variants.filter((variant) => resolve(variant).kind !== "null");
  return nonNull.length === 1 && nonNull[0] ? kindOf(nonNull[0], resolve) : resolved;
}

export function collectFields(body: Schema, resolve: (schema: Schema) => Schema): Field[] {
  const fields: Field[] = [];
  const visit = (schema: Schema, path: FieldPath, parent: string): void => {
    if (path.length >= 3) return;
    for (const property of propertiesOf(schema, resolve)) {
      const field: Field = { path: [...path, property.name], name: normalize(property.name), parent, schema: kindOf(property.schema, resolve) };
      fields.push(field);
      if (field.schema.kind === "object" || field.schema.kind === "allOf") visit(field.schema, field.path, field.name);
    }
  };
  visit(body, [], "");
  return fields;
}

export const isNumeric = (schema: Schema): boolean => schema.kind === "number";

export const isStringy = (schema: Schema): boolean => schema.kind === "string" || schema.kind === "unknown";

export const isBooleanish = (schema: Schema): boolean => schema.kind === "boolean";

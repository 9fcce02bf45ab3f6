/** The cursor style: a parameter fed from a response field or header, or from the last item's id. */
import type { Parameter, Schema, ValueSource } from "../../model/model.js";
import { type Candidate, describeSource } from "./candidate.js";
import { collectFields, type Facts, type Field, isBooleanish, isNumeric, isStringy, kindOf, normalize } from "./facts.js";
import { CURSOR_HEADERS, CURSOR_PARAMS, fieldNamed, headerNamed, ID_FIELDS, isUrlLike, LAST_ITEM_PARAMS, NEXT_CURSOR_FIELDS, OFFSET_PARAMS, PAGE_PARAMS, paramNamed } from "./names.js";
import { stopFields } from "./stops.js";

/** A cursor parameter; a string `offset` or `page` is an opaque token too (Asana's `offset`), not a number to count up. */
export function cursorParam(facts: Facts): Parameter | undefined {
  return (
    paramNamed(facts.query, CURSOR_PARAMS, (p) => !isBooleanish(kindOf(p.schema, facts.resolve))) ??
    paramNamed(facts.query, [...OFFSET_PARAMS, ...PAGE_PARAMS], (p) => kindOf(p.schema, facts.resolve).kind === "string")
  );
}

export function cursorStyle(facts: Facts, fields: readonly Field[], items: { readonly itemSchema: Schema }): Candidate | undefined {
  const param = cursorParam(facts);
  if (!param) return undefined;
  const { hasMore } = stopFields(facts, fields);
  const base = { style: "cursor", cursor: param.key, ...(hasMore && { hasMore }) } as const;
  const source = nextCursorSource(facts, fields, normalize(param.name));
  if (source) return { spec: { ...base, nextCursor: source }, why: `query parameter ${param.name} is fed from ${describeSource(source)}` };
  const name = normalize(param.name);
  const id = fieldNamed(collectFields(items.itemSchema, facts.resolve), ID_FIELDS, (s) => isStringy(s) || isNumeric(s));
  const strong = ["startingafter", "afterid", "lastid"].includes(name);
  if (!LAST_ITEM_PARAMS.includes(name) || !id || !(strong || hasMore)) return undefined;
  return { spec: { ...base, nextCursor: { lastItem: id.path } }, why: `query parameter ${param.name} is fed from the last item's ${id.path.join(".")}` };
}

export function nextCursorSource(facts: Facts, fields: readonly Field[], param: string): ValueSource | undefined {
  const scalars = fields.filter((f) => (isStringy(f.schema) || isNumeric(f.schema)) && !isUrlLike(f));
  const ranked = [
    scalars.find((f) => f.name === `next${param}`),
    fieldNamed(scalars, NEXT_CURSOR_FIELDS, () => true),
    scalars.find((f) => f.name === param && f.path.length > 1),
    fieldNamed(scalars, ["next"], () => true),
  ].find((f) => f !== undefined);
  return ranked?.path ?? headerNamed(facts, CURSOR_HEADERS);
}

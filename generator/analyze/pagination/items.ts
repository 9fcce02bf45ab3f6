/** Where the items are in a page body: the body array, or an array field found by its name. */
import type { FieldPath, Schema } from "../../model/model.js";
import { type Facts, type Field, kindOf, normalize, propertiesOf } from "./facts.js";

const ITEM_FIELDS = ["data", "items", "results", "result", "records", "entries", "value", "values", "elements", "content", "hits", "list", "rows", "objects", "nodes", "resources", "members", "collection"];
/** Objects that may hold the items array one level down (HAL's `_embedded` included). */
const WRAPPERS = ["data", "result", "response", "payload", "body", "page", "embedded"];

interface Items {
  readonly path: FieldPath;
  readonly itemSchema: Schema;
  /** Found by its name (or the body is the array), not merely as the only array. */
  readonly named: boolean;
}

export function findItems(facts: Facts): Items | undefined {
  if (!facts.body) return undefined;
  const root = kindOf(facts.body, facts.resolve);
  if (root.kind === "array") return { path: [], itemSchema: root.items, named: true };
  const resource = normalize(facts.operation.path.split("/").filter((s) => s !== "" && !s.startsWith("{")).at(-1) ?? "");
  const arraysUnder = (prefix: FieldPath) =>
    facts.fields.filter((f) => f.schema.kind === "array" && f.path.length === prefix.length + 1 && prefix.every((segment, i) => f.path[i] === segment));
  const choose = (arrays: readonly Field[]): Items | undefined => {
    const byName = [...ITEM_FIELDS, resource].map((name) => arrays.find((f) => f.name === name)).find((f) => f !== undefined);
    const field = byName ?? (arrays.length === 1 ? arrays[0] : undefined);
    return field?.schema.kind === "array" ? { path: field.path, itemSchema: field.schema.items, named: byName !== undefined } : undefined;
  };
  const top = choose(arraysUnder([]));
  if (top) return top;
  for (const wrapper of facts.fields.filter((f) => f.path.length === 1 && WRAPPERS.includes(f.name))) {
    const nested = choose(arraysUnder(wrapper.path));
    if (nested) return nested;
  }
  return undefined;
}

/** The schema of the items at `path` in the body, or undefined when the schema has no array there. */
export function itemsAt(facts: Facts, path: FieldPath): Schema | undefined {
  if (!facts.body) return undefined;
  let schema = kindOf(facts.body, facts.resolve);
  for (const segment of path) {
    const property = propertiesOf(schema, facts.resolve).find((p) => p.name === segment);
    if (!property) return undefined;
    schema = kindOf(property.schema, facts.resolve);
  }
  return schema.kind === "array" ? schema.items : undefined;
}

/** Fields outside the items array. */
export function fieldsBesides(facts: Facts, items: FieldPath): Field[] {
  return facts.fields.filter((f) => items.length === 0 || !items.every((segment, i) => f.path[i] === segment));
}

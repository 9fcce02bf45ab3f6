import type { Pagination, Unpaginated } from "../../model/model.js";
import { describeItems, finish } from "./candidate.js";
import { cursorParam, cursorStyle } from "./cursor.js";
import type { Facts } from "./facts.js";
import { fieldsBesides, findItems } from "./items.js";
import { linkHeaderStyle, nextUrlStyle } from "./links.js";
import { offsetStyle, pageStyle } from "./offset-page.js";

/** Heuristics, for GET operations: the first style whose evidence is there wins. */
export function detect(facts: Facts): Pagination | Unpaginated | undefined {
  if (facts.operation.method !== "GET") return undefined;
  const items = findItems(facts);
  if (!items) return undefined;
  const fields = fieldsBesides(facts, items.path);
  const candidate = linkHeaderStyle(facts, fields) ?? cursorStyle(facts, fields, items) ?? nextUrlStyle(facts, fields) ?? offsetStyle(facts, fields) ?? pageStyle(facts, fields);
  if (!candidate) {
    if (!items.named) return undefined;
    const cursor = cursorParam(facts);
    const why = cursor
      ? `its cursor parameter ${cursor.name} has no response field or header to feed it (x-pagination can say where it comes from)`
      : "has no offset, page or cursor parameter, no next-page field and no Link header";
    return { style: "none", origin: "heuristics", reason: `returns a list (${describeItems(items.path)}) but ${why}` };
  }
  return finish(candidate, items, "heuristics");
}

/** What tells the last page: a has-more flag, the item total, the page total (fields or headers). */
import type { Pagination, ValueSource } from "../../model/model.js";
import { type Facts, type Field, isBooleanish, isNumeric } from "./facts.js";
import { fieldNamed, HAS_MORE_FIELDS, HAS_MORE_HEADERS, headerNamed, TOTAL_FIELDS, TOTAL_HEADERS, TOTAL_PAGES_FIELDS, TOTAL_PAGES_HEADERS } from "./names.js";

export type StopFields = Pick<Pagination, "hasMore"> & { total?: ValueSource; totalPages?: ValueSource };

export function stopFields(facts: Facts, fields: readonly Field[]): StopFields {
  const hasMore = fieldNamed(fields, HAS_MORE_FIELDS, isBooleanish)?.path ?? headerNamed(facts, HAS_MORE_HEADERS);
  const total = fieldNamed(fields, TOTAL_FIELDS, isNumeric)?.path ?? headerNamed(facts, TOTAL_HEADERS);
  const totalPages = fieldNamed(fields, TOTAL_PAGES_FIELDS, isNumeric)?.path ?? headerNamed(facts, TOTAL_PAGES_HEADERS);
  return { ...(hasMore && { hasMore }), ...(total && { total }), ...(totalPages && { totalPages }) };
}

/** The counted styles: an offset (item index) or a page number, with a page size. */
import type { Parameter, Schema } from "../../model/model.js";
import type { Candidate } from "./candidate.js";
import { type Facts, type Field, isNumeric, kindOf } from "./facts.js";
import { LIMIT_PARAMS, OFFSET_PARAMS, PAGE_PARAMS, PAGE_SIZE_PARAMS, paramNamed, WEAK_OFFSET_PARAMS } from "./names.js";
import { type StopFields, stopFields } from "./stops.js";

interface OffsetParams {
  readonly offset: Parameter;
  readonly limit: Parameter | undefined;
}

export function offsetParams(facts: Facts): OffsetParams | undefined {
  const numeric = (p: Parameter) => isNumeric(kindOf(p.schema, facts.resolve));
  const limit = paramNamed(facts.query, LIMIT_PARAMS, numeric);
  const offset = paramNamed(facts.query, OFFSET_PARAMS, (p) => isCount(p, facts)) ?? (limit ? paramNamed(facts.query, WEAK_OFFSET_PARAMS, numeric) : undefined);
  return offset && offset !== limit ? { offset, limit } : undefined;
}

export function offsetCandidate({ offset, limit }: OffsetParams, stops: StopFields, how: string): Candidate {
  const defaultLimit = limit ? numberDefault(limit) : undefined;
  const { hasMore, total } = stops;
  return {
    spec: {
      style: "offset",
      offset: offset.key,
      ...(limit && { limit: limit.key }),
      ...(defaultLimit !== undefined && { defaultLimit }),
      ...(hasMore && { hasMore }),
      ...(total && { total }),
    },
    why: `${how} ${[offset, limit].flatMap((p) => (p ? [p.name] : [])).join(" and ")} select a slice by item index`,
  };
}

export function offsetStyle(facts: Facts, fields: readonly Field[]): Candidate | undefined {
  const params = offsetParams(facts);
  return params && offsetCandidate(params, stopFields(facts, fields), "query parameters");
}

interface PageParams {
  readonly page: Parameter;
  readonly size: Parameter | undefined;
}

export function pageParams(facts: Facts): PageParams | undefined {
  const page = paramNamed(facts.query, PAGE_PARAMS, (p) => isCount(p, facts));
  if (!page) return undefined;
  return { page, size: paramNamed(facts.query, PAGE_SIZE_PARAMS, (p) => p !== page && isCount(p, facts)) };
}

/** A parameter that may count (items or pages): a number, or of no declared type. */
function isCount(parameter: Parameter, facts: Facts): boolean {
  return ["number", "unknown"].includes(kindOf(parameter.schema, facts.resolve).kind);
}

export function pageCandidate({ page, size }: PageParams, firstPage: number, stops: StopFields, how: string): Candidate {
  const defaultSize = size ? numberDefault(size) : undefined;
  const { hasMore, total, totalPages } = stops;
  return {
    spec: {
      style: "page",
      page: page.key,
      ...(size && { size: size.key }),
      ...(defaultSize !== undefined && { defaultSize }),
      firstPage,
      ...(hasMore && { hasMore }),
      ...(total && { total }),
      ...(totalPages && { totalPages }),
    },
    why: `${how} ${page.name} numbers the pages from ${firstPage}${size ? `, ${size.name} sizes them` : ""}`,
  };
}

export function pageStyle(facts: Facts, fields: readonly Field[]): Candidate | undefined {
  const params = pageParams(facts);
  return params && pageCandidate(params, firstPageOf(params.page, facts.resolve), stopFields(facts, fields), "query parameter");
}

function numberDefault(parameter: Parameter): number | undefined {
  return typeof parameter.schema.default === "number" && parameter.schema.default > 0 ? parameter.schema.default : undefined;
}

/** 0 when the page parameter's default or minimum is 0, or its description says so; else 1. */
export function firstPageOf(parameter: Parameter, resolve: (schema: Schema) => Schema): number {
  const schema = resolve(parameter.schema);
  if (typeof schema.default === "number") return schema.default === 0 ? 0 : 1;
  if (schema.kind === "number" && schema.minimum !== undefined) return schema.minimum === 0 ? 0 : 1;
  return /\b(zero|0)[- ]based\b|\b(starts?|begins?|counts?) (at|from) (zero|0)\b/i.test(parameter.description ?? "") ? 0 : 1;
}

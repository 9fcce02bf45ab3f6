/** The names the heuristics recognise, normalized, strongest first, and finding parameters, fields and headers by them. */
import type { Parameter, Schema, ValueSource } from "../../model/model.js";
import { type Facts, type Field, normalize } from "./facts.js";

export const OFFSET_PARAMS = ["offset", "skip", "startat", "startindex", "firstresult"];
/** Names that are offsets only beside a page size parameter. */
export const WEAK_OFFSET_PARAMS = ["start", "from"];
export const LIMIT_PARAMS = ["limit", "take", "count", "size", "pagesize", "perpage", "maxresults", "max", "maxitems", "rows", "top", "num"];
export const PAGE_PARAMS = ["page", "pagenumber", "pageno", "pagenum", "pageindex", "currentpage"];
export const PAGE_SIZE_PARAMS = ["perpage", "pagesize", "size", "limit", "count", "pagelimit", "itemsperpage", "resultsperpage", "maxresults", "per"];
export const CURSOR_PARAMS = ["cursor", "pagetoken", "nextpagetoken", "nexttoken", "continuationtoken", "continuation", "pagecursor", "startcursor", "after", "pageafter", "startingafter", "afterid", "marker", "scrollid", "next"];
/** Cursor parameters that take the id of the last item seen (Stripe's `starting_after`). */
export const LAST_ITEM_PARAMS = ["startingafter", "afterid", "after", "lastid", "startafter", "sinceid"];
export const NEXT_CURSOR_FIELDS = ["nextcursor", "nextpagetoken", "nexttoken", "nextpagecursor", "continuationtoken", "nextcontinuationtoken", "continuation", "nextmarker", "endcursor", "nextkey", "scrollid"];
export const CURSOR_HEADERS = ["xnextcursor", "nextcursor", "xnextpagetoken", "xnexttoken", "xcontinuation", "xcontinuationtoken"];
export const NEXT_URL_FIELDS = ["next", "nexturl", "nextlink", "odatanextlink", "nextpageurl", "nextpagelink", "nextpageuri", "nexturi", "nexthref"];
export const LINK_WRAPPERS = ["links", "link", "paging", "pagination", "meta"];
export const HAS_MORE_FIELDS = ["hasmore", "hasnext", "hasnextpage", "hasmoreitems", "hasmoreresults", "moreavailable", "istruncated", "more"];
export const HAS_MORE_HEADERS = ["xhasmore", "hasmore"];
export const TOTAL_FIELDS = ["total", "totalcount", "totalitems", "totalresults", "totalelements", "totalrecords", "totalhits", "totalsize"];
export const TOTAL_HEADERS = ["xtotalcount", "xtotal", "totalcount", "xtotalitems", "xtotalresults"];
export const TOTAL_PAGES_FIELDS = ["totalpages", "pagecount", "numpages", "lastpage", "pagestotal", "pages"];
export const TOTAL_PAGES_HEADERS = ["xtotalpages", "xpagecount"];
export const ID_FIELDS = ["id", "uuid", "key"];

/** The first parameter whose name is in `names` (earlier names first). */
export function paramNamed(params: readonly Parameter[], names: readonly string[], accept: (p: Parameter) => boolean = () => true): Parameter | undefined {
  for (const name of names) {
    const found = params.find((p) => normalize(p.name) === name && accept(p));
    if (found) return found;
  }
  return undefined;
}

/** The first field whose name is in `names` and whose schema `accept`s, shallowest first. */
export function fieldNamed(fields: readonly Field[], names: readonly string[], accept: (schema: Schema) => boolean): Field | undefined {
  for (const name of names) {
    const found = fields.filter((f) => f.name === name && accept(f.schema)).sort((a, b) => a.path.length - b.path.length)[0];
    if (found) return found;
  }
  return undefined;
}

export function headerNamed(facts: Facts, names: readonly string[]): ValueSource | undefined {
  for (const name of names) {
    const declared = facts.headers.get(name);
    if (declared !== undefined) return { header: declared };
  }
  return undefined;
}

export function isUrlLike(field: Field): boolean {
  const format = field.schema.kind === "string" ? (field.schema.format ?? "") : "";
  return /^(uri|url|iri|uri-reference|iri-reference)$/.test(format) || /url|uri|link|href/.test(field.name) || ["links", "link"].includes(field.parent);
}

/** A style's parameters and fields with the sentence saying why, and how it becomes the model's `Pagination`. */
import { isFieldPath } from "../../../runtime/operation.js";
import type { FieldPath, Pagination, PaginationOrigin, Schema, ValueSource } from "../../model/model.js";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A style's parameters and fields, and the sentence saying why. */
export interface Candidate {
  readonly spec: DistributiveOmit<Pagination, "origin" | "reason" | "items" | "itemSchema">;
  readonly why: string;
}

export function finish({ spec, why }: Candidate, items: { path: FieldPath; itemSchema: Schema }, origin: PaginationOrigin, prefix = ""): Pagination {
  const reason = `${prefix}${why}; items: ${describeItems(items.path)}${describeStops(spec)}`;
  // The runtime's fields in the order SDKs list them: style, items, the style's own, hasMore.
  const { style, hasMore, ...own } = spec;
  return { style, items: items.path, ...own, ...(hasMore && { hasMore }), itemSchema: items.itemSchema, origin, reason } as Pagination;
}

export const ORIGIN_TEXT: Readonly<Record<PaginationOrigin, string>> = {
  heuristics: "the heuristics",
  "x-pagination": "x-pagination",
  "x-speakeasy-pagination": "x-speakeasy-pagination",
  options: "the generator's pagination option",
};

export function describeItems(path: FieldPath): string {
  return path.length === 0 ? "the body array" : path.join(".");
}

export function isLastItem(source: ValueSource | { readonly lastItem: FieldPath }): source is { readonly lastItem: FieldPath } {
  return !isFieldPath(source) && "lastItem" in source;
}

function sourceText(source: ValueSource): string {
  return isFieldPath(source) ? source.join(".") : source.header;
}

export function describeSource(source: ValueSource): string {
  return isFieldPath(source) ? `the response field ${source.join(".")}` : `the ${source.header} response header`;
}

function describeStops(spec: Candidate["spec"]): string {
  const stops: string[] = [];
  if (spec.hasMore) stops.push(`${sourceText(spec.hasMore)} is false`);
  const counted = spec.style === "offset" || spec.style === "page";
  if (counted && spec.total) stops.push(`${sourceText(spec.total)} items are read`);
  if (spec.style === "page" && spec.totalPages) stops.push(`${sourceText(spec.totalPages)} pages are read`);
  if (spec.style === "cursor") stops.push("no cursor comes back");
  if (spec.style === "nextUrl" || spec.style === "linkHeader") stops.push("no next URL comes back");
  if (counted && stops.length === 0) stops.push("a page is shorter than the ones before");
  return `; stops on an empty page or when ${stops.join(" or ")}`;
}

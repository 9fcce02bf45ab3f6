/**
 * Explicit statements: the generator option, `x-pagination`, `x-speakeasy-pagination` (read by
 * config.ts), applied to the operation, with what they leave out filled the way the heuristics would.
 */
import type { CursorPagination, FieldPath, Pagination, PaginationOrigin, Parameter, Schema, ValueSource } from "../../model/model.js";
import { type Candidate, describeSource, finish, isLastItem, ORIGIN_TEXT } from "./candidate.js";
import { type PaginationConfig, parseSource, readSpeakeasy, readXPagination } from "./config.js";
import { cursorStyle, nextCursorSource } from "./cursor.js";
import { type Facts, type Field, normalize, type PaginationInput } from "./facts.js";
import { fieldsBesides, findItems, itemsAt } from "./items.js";
import { nextUrlField } from "./links.js";
import { firstPageOf, offsetCandidate, offsetParams, pageCandidate, pageParams } from "./offset-page.js";
import { type StopFields, stopFields } from "./stops.js";

interface Explicit {
  readonly config: PaginationConfig | false;
  readonly origin: PaginationOrigin;
  readonly pointer: string;
}

export function explicitStatement(input: PaginationInput, warnings: { message: string; pointer: string }[]): Explicit | undefined {
  const pointer = input.operation.pointer;
  if (input.option !== undefined) return { config: input.option, origin: "options", pointer };
  const raw = input.raw ?? {};
  for (const origin of ["x-pagination", "x-speakeasy-pagination"] as const) {
    const value = raw[origin];
    if (value === undefined) continue;
    const at = `${pointer}/${origin}`;
    const config = origin === "x-pagination" ? readXPagination(value) : readSpeakeasy(value);
    if (typeof config === "string") {
      warnings.push({ message: `${origin} is ignored: ${config}`, pointer: at });
      continue;
    }
    return { config, origin, pointer: at };
  }
  return undefined;
}

function parsePath(text: string | undefined, what: string): FieldPath | string | undefined {
  if (text === undefined) return undefined;
  const source = parseSource(text);
  if (source === undefined || !Array.isArray(source)) return `${what} must be a path in the response body, not ${JSON.stringify(text)}`;
  return source as FieldPath;
}

/** The operation parameter a config names, by its name in the spec or its args key. */
function paramFor(facts: Facts, name: string | undefined): Parameter | string | undefined {
  if (name === undefined) return undefined;
  const found = facts.operation.parameters.find((p) => p.key === name) ?? facts.operation.parameters.find((p) => p.name === name && p.in === "query") ?? facts.operation.parameters.find((p) => p.name === name);
  return found ?? `the operation has no parameter ${JSON.stringify(name)}`;
}

type ParamPair = readonly [Parameter | undefined, Parameter | undefined];

/** The counted styles' two parameters (offset and limit, page and size): each as the config names it, else as detected. */
function paramPairFor(facts: Facts, names: readonly [string | undefined, string | undefined], detected: ParamPair): ParamPair | string {
  const first = paramFor(facts, names[0]) ?? detected[0];
  const second = paramFor(facts, names[1]) ?? detected[1];
  if (typeof first === "string") return first;
  if (typeof second === "string") return second;
  return [first, second];
}

/** Applies an explicit statement, filling what it leaves out the way the heuristics would. */
export function fromConfig(config: PaginationConfig, facts: Facts, origin: PaginationOrigin): Pagination | string {
  if (!facts.body) return "the operation has no JSON success response to read pages from";
  const itemsPath = parsePath(config.items, "items");
  if (typeof itemsPath === "string") return itemsPath;
  const detected = findItems(facts);
  const path = itemsPath ?? detected?.path;
  if (!path) return "no items array was found in the response: state `items`";
  const items = { path, itemSchema: itemsAt(facts, path) ?? { kind: "unknown", pointer: facts.body.pointer } };
  const fields = fieldsBesides(facts, path);

  const stated: { -readonly [K in keyof StopFields]?: ValueSource } = {};
  for (const key of ["hasMore", "total", "totalPages"] as const) {
    const text = config[key];
    if (text === undefined) continue;
    const source = parseSource(text);
    if (!source) return `${key} is not a path or header: ${JSON.stringify(text)}`;
    stated[key] = source;
  }
  const stops = { ...stopFields(facts, fields), ...stated };
  const prefix = `${ORIGIN_TEXT[origin]} states style ${config.style}: `;
  const candidate = styleFromConfig(config, facts, fields, items, stops);
  return typeof candidate === "string" ? candidate : finish(candidate, items, origin, prefix);
}

function styleFromConfig(config: PaginationConfig, facts: Facts, fields: readonly Field[], items: { readonly itemSchema: Schema }, stops: StopFields): Candidate | string {
  const hasMore = stops.hasMore;
  switch (config.style) {
    case "linkHeader":
      return { spec: { style: "linkHeader", ...(hasMore && { hasMore }) }, why: 'pages follow the Link header\'s rel="next" URL (RFC 8288)' };
    case "nextUrl": {
      const next = config.next !== undefined ? parseSource(config.next) : nextUrlField(fields)?.path;
      if (!next) return config.next !== undefined ? `next is not a path or header: ${JSON.stringify(config.next)}` : "no next-page URL field was found: state `next`";
      return { spec: { style: "nextUrl", next, ...(hasMore && { hasMore }) }, why: `${describeSource(next)} holds the next page's URL` };
    }
    case "offset": {
      const detected = offsetParams(facts);
      const pair = paramPairFor(facts, [config.offsetParam, config.limitParam], [detected?.offset, detected?.limit]);
      if (typeof pair === "string") return pair;
      const [offset, limit] = pair;
      return offset ? offsetCandidate({ offset, limit }, stops, "parameters") : "no offset parameter was found: state `offsetParam`";
    }
    case "page": {
      const detected = pageParams(facts);
      const pair = paramPairFor(facts, [config.pageParam, config.sizeParam], [detected?.page, detected?.size]);
      if (typeof pair === "string") return pair;
      const [page, size] = pair;
      if (!page) return "no page parameter was found: state `pageParam`";
      return pageCandidate({ page, size }, config.firstPage ?? firstPageOf(page, facts.resolve), stops, "parameter");
    }
    case "cursor":
      return cursorFromConfig(config, facts, fields, items, hasMore);
  }
}

function cursorFromConfig(config: PaginationConfig, facts: Facts, fields: readonly Field[], items: { readonly itemSchema: Schema }, hasMore: ValueSource | undefined): Candidate | string {
  const detected = cursorStyle(facts, fields, items)?.spec;
  const detectedKey = detected?.style === "cursor" ? detected.cursor : undefined;
  const param = paramFor(facts, config.cursorParam) ?? facts.operation.parameters.find((p) => p.key === detectedKey);
  if (typeof param === "string") return param;
  if (!param) return "no cursor parameter was found: state `cursorParam`";
  let nextCursor: CursorPagination["nextCursor"] | undefined;
  if (config.cursorFromLastItem !== undefined) {
    const path = parsePath(config.cursorFromLastItem, "cursorFromLastItem");
    if (typeof path === "string") return path;
    nextCursor = { lastItem: path ?? [] };
  } else if (config.nextCursor !== undefined) {
    nextCursor = parseSource(config.nextCursor);
    if (!nextCursor) return `nextCursor is not a path or header: ${JSON.stringify(config.nextCursor)}`;
  } else {
    nextCursor = nextCursorSource(facts, fields, normalize(param.name)) ?? (detected?.style === "cursor" ? detected.nextCursor : undefined);
  }
  if (!nextCursor) return "no field holding the next cursor was found: state `nextCursor` or `cursorFromLastItem`";
  const from = isLastItem(nextCursor) ? `the last item's ${nextCursor.lastItem.join(".")}` : describeSource(nextCursor);
  return { spec: { style: "cursor", cursor: param.key, nextCursor, ...(hasMore && { hasMore }) }, why: `parameter ${param.name} is fed from ${from}` };
}

/**
 * Pagination: whether an operation's list spans pages, and how the SDK walks them, decided once.
 *
 * An explicit statement wins, in this order: the generator's `pagination` option, the spec's
 * `x-pagination` extension on the operation, Speakeasy's `x-speakeasy-pagination`. Otherwise GET
 * operations are matched by heuristics over their query parameters, response fields and response
 * headers (see `detect`). Every decision carries one sentence saying why, for
 * `--explain-pagination`; list-like operations left unpaginated get one too.
 */
import { isFieldPath } from "../../../runtime/operation.js";
import { parseSource, readSpeakeasy, readXPagination, type PaginationConfig, type PaginationOption } from "./config.js";
import type { Warning } from "../../errors.js";
import { clientPath, routeKey } from "../../model/route.js";
import { schemaIndex } from "../schema-facts.js";
import type {
  ApiModel,
  CursorPagination,
  FieldPath,
  Operation,
  Pagination,
  PaginationOrigin,
  Parameter,
  Response,
  Schema,
  Unpaginated,
  ValueSource,
} from "../../model/model.js";

/** What `decidePagination` reads: the operation as converted, its raw extensions, and a schema lookup. */
export interface PaginationInput {
  readonly operation: Operation;
  /** The raw operation object (for `x-pagination` and `x-speakeasy-pagination`). */
  readonly raw?: Readonly<Record<string, unknown>>;
  /** The generator option for this operation, which wins over everything else. */
  readonly option?: PaginationOption;
  /** The schema a `ref` points at. */
  readonly schemaAt: (pointer: string) => Schema | undefined;
}

export interface PaginationDecision {
  readonly pagination: Pagination | Unpaginated | undefined;
  /** Problems with an explicit statement, located by JSON pointer. */
  readonly warnings: readonly { readonly message: string; readonly pointer: string }[];
}

/** The paginated operation's pagination, or undefined. */
export function paginationOf(operation: Operation): Pagination | undefined {
  const pagination = operation.pagination;
  return pagination && pagination.style !== "none" ? pagination : undefined;
}

/**
 * Decides each operation's pagination, once: the generator's option for the operation (by client
 * method name, operationId, or path on the grouped client such as `pets.listPets`) wins over the
 * spec. Reads response schemas through their references.
 */
export function decidePaginations(
  { operations, schemas }: Pick<ApiModel, "operations" | "schemas">,
  operationObjects: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
  options: Readonly<Record<string, PaginationOption>>,
): { readonly operations: Operation[]; readonly warnings: Warning[] } {
  const named = schemaIndex(schemas);
  const used = new Set<string>();
  const found: Warning[] = [];
  const decided = operations.map((operation) => {
    const key = [operation.name, operation.operationId, clientPath(operation)].find((candidate) => Object.hasOwn(options, candidate));
    if (key !== undefined) used.add(key);
    const option = key === undefined ? undefined : options[key];
    const raw = operationObjects.get(routeKey(operation.method, operation.path)) ?? {};
    const { pagination, warnings } = decidePagination({ operation, raw, ...(option !== undefined && { option }), schemaAt: (pointer) => named.get(pointer)?.schema });
    for (const warning of warnings) found.push({ code: "ignored", ...warning });
    return pagination ? { ...operation, pagination } : operation;
  });
  for (const key of Object.keys(options)) {
    if (!used.has(key)) found.push({ code: "ignored", message: `the pagination option names ${JSON.stringify(key)}, which is no operation of this API`, pointer: "#/paths" });
  }
  return { operations: decided, warnings: found };
}

/** Decides one operation's pagination. Pure: reads only its input. */
export function decidePagination(input: PaginationInput): PaginationDecision {
  const warnings: { message: string; pointer: string }[] = [];
  const explicit = explicitStatement(input, warnings);
  const facts = gatherFacts(input);
  if (explicit) {
    if (explicit.config === false) return { pagination: { style: "none", origin: explicit.origin, reason: `turned off by ${ORIGIN_TEXT[explicit.origin]}` }, warnings };
    const result = fromConfig(explicit.config, facts, explicit.origin);
    if (typeof result === "string") {
      warnings.push({ message: `${explicit.origin === "options" ? "the pagination option" : explicit.origin} is ignored: ${result}`, pointer: explicit.pointer });
      return { pagination: { style: "none", origin: explicit.origin, reason: `${ORIGIN_TEXT[explicit.origin]} could not be applied: ${result}` }, warnings };
    }
    return { pagination: result, warnings };
  }
  return { pagination: detect(facts), warnings };
}

const ORIGIN_TEXT: Readonly<Record<PaginationOrigin, string>> = {
  heuristics: "the heuristics",
  "x-pagination": "x-pagination",
  "x-speakeasy-pagination": "x-speakeasy-pagination",
  options: "the generator's pagination option",
};

// ---------------------------------------------------------------------------------------------
// What an operation offers: its page response, parameters and response fields

interface Field {
  readonly path: FieldPath;
  /** The normalized property name (`next_cursor`, `nextCursor` → `nextcursor`). */
  readonly name: string;
  /** The normalized name of the object holding it, `""` at the top. */
  readonly parent: string;
  /** The field's schema with references followed. */
  readonly schema: Schema;
}

interface Facts {
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

function gatherFacts(input: PaginationInput): Facts {
  const { operation } = input;
  const resolve = (schema: Schema): Schema => {
    let current = schema;
    for (let hops = 0; current.kind === "ref" && hops < 32; hops++) current = input.schemaAt(current.target) ?? { kind: "unknown", pointer: current.pointer };
    return current;
  };
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
function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** An object schema's properties, through `allOf` parts and references. */
function propertiesOf(schema: Schema, resolve: (schema: Schema) => Schema, depth = 0): readonly { name: string; schema: Schema }[] {
  const resolved = resolve(schema);
  if (depth > 8) return [];
  if (resolved.kind === "object") return resolved.properties;
  if (resolved.kind === "allOf") return resolved.parts.flatMap((part) => propertiesOf(part, resolve, depth + 1));
  return [];
}

/** The kind of a schema with references followed and a null alternative dropped. */
function kindOf(schema: Schema, resolve: (schema: Schema) => Schema): Schema {
  const resolved = resolve(schema);
  if (resolved.kind !== "union") return resolved;
  const nonNull = resolved.variants.filter((variant) => resolve(variant).kind !== "null");
  return nonNull.length === 1 && nonNull[0] ? kindOf(nonNull[0], resolve) : resolved;
}

function collectFields(body: Schema, resolve: (schema: Schema) => Schema): Field[] {
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

const isNumeric = (schema: Schema): boolean => schema.kind === "number";
const isStringy = (schema: Schema): boolean => schema.kind === "string" || schema.kind === "unknown";
const isBooleanish = (schema: Schema): boolean => schema.kind === "boolean";

// ---------------------------------------------------------------------------------------------
// Where the items are

const ITEM_FIELDS = ["data", "items", "results", "result", "records", "entries", "value", "values", "elements", "content", "hits", "list", "rows", "objects", "nodes", "resources", "members", "collection"];
/** Objects that may hold the items array one level down (HAL's `_embedded` included). */
const WRAPPERS = ["data", "result", "response", "payload", "body", "page", "embedded"];

interface Items {
  readonly path: FieldPath;
  readonly itemSchema: Schema;
  /** Found by its name (or the body is the array), not merely as the only array. */
  readonly named: boolean;
}

function findItems(facts: Facts): Items | undefined {
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
function itemsAt(facts: Facts, path: FieldPath): Schema | undefined {
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
function fieldsBesides(facts: Facts, items: FieldPath): Field[] {
  return facts.fields.filter((f) => items.length === 0 || !items.every((segment, i) => f.path[i] === segment));
}

// ---------------------------------------------------------------------------------------------
// Names the heuristics recognise, normalized, strongest first

const OFFSET_PARAMS = ["offset", "skip", "startat", "startindex", "firstresult"];
/** Names that are offsets only beside a page size parameter. */
const WEAK_OFFSET_PARAMS = ["start", "from"];
const LIMIT_PARAMS = ["limit", "take", "count", "size", "pagesize", "perpage", "maxresults", "max", "maxitems", "rows", "top", "num"];
const PAGE_PARAMS = ["page", "pagenumber", "pageno", "pagenum", "pageindex", "currentpage"];
const PAGE_SIZE_PARAMS = ["perpage", "pagesize", "size", "limit", "count", "pagelimit", "itemsperpage", "resultsperpage", "maxresults", "per"];
const CURSOR_PARAMS = ["cursor", "pagetoken", "nextpagetoken", "nexttoken", "continuationtoken", "continuation", "pagecursor", "startcursor", "after", "pageafter", "startingafter", "afterid", "marker", "scrollid", "next"];
/** Cursor parameters that take the id of the last item seen (Stripe's `starting_after`). */
const LAST_ITEM_PARAMS = ["startingafter", "afterid", "after", "lastid", "startafter", "sinceid"];
const NEXT_CURSOR_FIELDS = ["nextcursor", "nextpagetoken", "nexttoken", "nextpagecursor", "continuationtoken", "nextcontinuationtoken", "continuation", "nextmarker", "endcursor", "nextkey", "scrollid"];
const CURSOR_HEADERS = ["xnextcursor", "nextcursor", "xnextpagetoken", "xnexttoken", "xcontinuation", "xcontinuationtoken"];
const NEXT_URL_FIELDS = ["next", "nexturl", "nextlink", "odatanextlink", "nextpageurl", "nextpagelink", "nextpageuri", "nexturi", "nexthref"];
const LINK_WRAPPERS = ["links", "link", "paging", "pagination", "meta"];
const HAS_MORE_FIELDS = ["hasmore", "hasnext", "hasnextpage", "hasmoreitems", "hasmoreresults", "moreavailable", "istruncated", "more"];
const HAS_MORE_HEADERS = ["xhasmore", "hasmore"];
const TOTAL_FIELDS = ["total", "totalcount", "totalitems", "totalresults", "totalelements", "totalrecords", "totalhits", "totalsize"];
const TOTAL_HEADERS = ["xtotalcount", "xtotal", "totalcount", "xtotalitems", "xtotalresults"];
const TOTAL_PAGES_FIELDS = ["totalpages", "pagecount", "numpages", "lastpage", "pagestotal", "pages"];
const TOTAL_PAGES_HEADERS = ["xtotalpages", "xpagecount"];
const ID_FIELDS = ["id", "uuid", "key"];

/** The first parameter whose name is in `names` (earlier names first). */
function paramNamed(params: readonly Parameter[], names: readonly string[], accept: (p: Parameter) => boolean = () => true): Parameter | undefined {
  for (const name of names) {
    const found = params.find((p) => normalize(p.name) === name && accept(p));
    if (found) return found;
  }
  return undefined;
}

/** The first field whose name is in `names` and whose schema `accept`s, shallowest first. */
function fieldNamed(fields: readonly Field[], names: readonly string[], accept: (schema: Schema) => boolean): Field | undefined {
  for (const name of names) {
    const found = fields.filter((f) => f.name === name && accept(f.schema)).sort((a, b) => a.path.length - b.path.length)[0];
    if (found) return found;
  }
  return undefined;
}

function headerNamed(facts: Facts, names: readonly string[]): ValueSource | undefined {
  for (const name of names) {
    const declared = facts.headers.get(name);
    if (declared !== undefined) return { header: declared };
  }
  return undefined;
}

function isUrlLike(field: Field): boolean {
  const format = field.schema.kind === "string" ? (field.schema.format ?? "") : "";
  return /^(uri|url|iri|uri-reference|iri-reference)$/.test(format) || /url|uri|link|href/.test(field.name) || ["links", "link"].includes(field.parent);
}

// ---------------------------------------------------------------------------------------------
// Heuristics

type StopFields = Pick<Pagination, "hasMore"> & { total?: ValueSource; totalPages?: ValueSource };

function stopFields(facts: Facts, fields: readonly Field[]): StopFields {
  const hasMore = fieldNamed(fields, HAS_MORE_FIELDS, isBooleanish)?.path ?? headerNamed(facts, HAS_MORE_HEADERS);
  const total = fieldNamed(fields, TOTAL_FIELDS, isNumeric)?.path ?? headerNamed(facts, TOTAL_HEADERS);
  const totalPages = fieldNamed(fields, TOTAL_PAGES_FIELDS, isNumeric)?.path ?? headerNamed(facts, TOTAL_PAGES_HEADERS);
  return { ...(hasMore && { hasMore }), ...(total && { total }), ...(totalPages && { totalPages }) };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A style's parameters and fields, and the sentence saying why. */
interface Candidate {
  readonly spec: DistributiveOmit<Pagination, "origin" | "reason" | "items" | "itemSchema">;
  readonly why: string;
}

/** Heuristics, for GET operations: the first style whose evidence is there wins. */
function detect(facts: Facts): Pagination | Unpaginated | undefined {
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

function finish({ spec, why }: Candidate, items: { path: FieldPath; itemSchema: Schema }, origin: PaginationOrigin, prefix = ""): Pagination {
  const reason = `${prefix}${why}; items: ${describeItems(items.path)}${describeStops(spec)}`;
  // The runtime's fields in the order SDKs list them: style, items, the style's own, hasMore.
  const { style, hasMore, ...own } = spec;
  return { style, items: items.path, ...own, ...(hasMore && { hasMore }), itemSchema: items.itemSchema, origin, reason } as Pagination;
}

function linkHeaderStyle(facts: Facts, fields: readonly Field[]): Candidate | undefined {
  const link = facts.headers.get("link");
  if (link === undefined) return undefined;
  const { hasMore } = stopFields(facts, fields);
  return {
    spec: { style: "linkHeader", ...(hasMore && { hasMore }) },
    why: `the ${facts.response?.status ?? "success"} response declares a ${link} header: pages follow its rel="next" URL (RFC 8288)`,
  };
}

/** A cursor parameter; a string `offset` or `page` is an opaque token too (Asana's `offset`), not a number to count up. */
function cursorParam(facts: Facts): Parameter | undefined {
  return (
    paramNamed(facts.query, CURSOR_PARAMS, (p) => !isBooleanish(kindOf(p.schema, facts.resolve))) ??
    paramNamed(facts.query, [...OFFSET_PARAMS, ...PAGE_PARAMS], (p) => kindOf(p.schema, facts.resolve).kind === "string")
  );
}

function cursorStyle(facts: Facts, fields: readonly Field[], items: { readonly itemSchema: Schema }): Candidate | undefined {
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

function nextCursorSource(facts: Facts, fields: readonly Field[], param: string): ValueSource | undefined {
  const scalars = fields.filter((f) => (isStringy(f.schema) || isNumeric(f.schema)) && !isUrlLike(f));
  const ranked = [
    scalars.find((f) => f.name === `next${param}`),
    fieldNamed(scalars, NEXT_CURSOR_FIELDS, () => true),
    scalars.find((f) => f.name === param && f.path.length > 1),
    fieldNamed(scalars, ["next"], () => true),
  ].find((f) => f !== undefined);
  return ranked?.path ?? headerNamed(facts, CURSOR_HEADERS);
}

function nextUrlField(fields: readonly Field[]): Field | undefined {
  const candidates = fields.filter(
    (f) =>
      isStringy(f.schema) &&
      (NEXT_URL_FIELDS.includes(f.name) || (f.name === "href" && f.parent === "next")) &&
      (f.parent === "" || f.parent === "next" || LINK_WRAPPERS.includes(f.parent)),
  );
  return candidates.sort((a, b) => Number(isUrlLike(b)) - Number(isUrlLike(a)) || a.path.length - b.path.length)[0];
}

function nextUrlStyle(facts: Facts, fields: readonly Field[]): Candidate | undefined {
  const field = nextUrlField(fields);
  if (!field) return undefined;
  const { hasMore } = stopFields(facts, fields);
  return { spec: { style: "nextUrl", next: field.path, ...(hasMore && { hasMore }) }, why: `the response field ${field.path.join(".")} holds the next page's URL` };
}

interface OffsetParams {
  readonly offset: Parameter;
  readonly limit: Parameter | undefined;
}

function offsetParams(facts: Facts): OffsetParams | undefined {
  const numeric = (p: Parameter) => isNumeric(kindOf(p.schema, facts.resolve));
  const limit = paramNamed(facts.query, LIMIT_PARAMS, numeric);
  const counted = (p: Parameter) => ["number", "unknown"].includes(kindOf(p.schema, facts.resolve).kind);
  const offset = paramNamed(facts.query, OFFSET_PARAMS, counted) ?? (limit ? paramNamed(facts.query, WEAK_OFFSET_PARAMS, numeric) : undefined);
  return offset && offset !== limit ? { offset, limit } : undefined;
}

function offsetCandidate({ offset, limit }: OffsetParams, stops: StopFields, how: string): Candidate {
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

function offsetStyle(facts: Facts, fields: readonly Field[]): Candidate | undefined {
  const params = offsetParams(facts);
  return params && offsetCandidate(params, stopFields(facts, fields), "query parameters");
}

interface PageParams {
  readonly page: Parameter;
  readonly size: Parameter | undefined;
}

function pageParams(facts: Facts): PageParams | undefined {
  const numeric = (p: Parameter) => ["number", "unknown"].includes(kindOf(p.schema, facts.resolve).kind);
  const page = paramNamed(facts.query, PAGE_PARAMS, numeric);
  if (!page) return undefined;
  return { page, size: paramNamed(facts.query, PAGE_SIZE_PARAMS, (p) => p !== page && numeric(p)) };
}

function pageCandidate({ page, size }: PageParams, firstPage: number, stops: StopFields, how: string): Candidate {
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

function pageStyle(facts: Facts, fields: readonly Field[]): Candidate | undefined {
  const params = pageParams(facts);
  return params && pageCandidate(params, firstPageOf(params.page, facts.resolve), stopFields(facts, fields), "query parameter");
}

function numberDefault(parameter: Parameter): number | undefined {
  return typeof parameter.schema.default === "number" && parameter.schema.default > 0 ? parameter.schema.default : undefined;
}

/** 0 when the page parameter's default or minimum is 0, or its description says so; else 1. */
function firstPageOf(parameter: Parameter, resolve: (schema: Schema) => Schema): number {
  const schema = resolve(parameter.schema);
  if (typeof schema.default === "number") return schema.default === 0 ? 0 : 1;
  if (schema.kind === "number" && schema.minimum !== undefined) return schema.minimum === 0 ? 0 : 1;
  return /\b(zero|0)[- ]based\b|\b(starts?|begins?|counts?) (at|from) (zero|0)\b/i.test(parameter.description ?? "") ? 0 : 1;
}

function describeItems(path: FieldPath): string {
  return path.length === 0 ? "the body array" : path.join(".");
}

function isLastItem(source: ValueSource | { readonly lastItem: FieldPath }): source is { readonly lastItem: FieldPath } {
  return !isFieldPath(source) && "lastItem" in source;
}

function sourceText(source: ValueSource): string {
  return isFieldPath(source) ? source.join(".") : source.header;
}

function describeSource(source: ValueSource): string {
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

// ---------------------------------------------------------------------------------------------
// Explicit statements: the generator option, x-pagination, x-speakeasy-pagination

interface Explicit {
  readonly config: PaginationConfig | false;
  readonly origin: PaginationOrigin;
  readonly pointer: string;
}

function explicitStatement(input: PaginationInput, warnings: { message: string; pointer: string }[]): Explicit | undefined {
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

/** Applies an explicit statement, filling what it leaves out the way the heuristics would. */
function fromConfig(config: PaginationConfig, facts: Facts, origin: PaginationOrigin): Pagination | string {
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
      const offset = paramFor(facts, config.offsetParam) ?? detected?.offset;
      const limit = paramFor(facts, config.limitParam) ?? detected?.limit;
      if (typeof offset === "string") return offset;
      if (typeof limit === "string") return limit;
      return offset ? offsetCandidate({ offset, limit }, stops, "parameters") : "no offset parameter was found: state `offsetParam`";
    }
    case "page": {
      const detected = pageParams(facts);
      const page = paramFor(facts, config.pageParam) ?? detected?.page;
      const size = paramFor(facts, config.sizeParam) ?? detected?.size;
      if (typeof page === "string") return page;
      if (typeof size === "string") return size;
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

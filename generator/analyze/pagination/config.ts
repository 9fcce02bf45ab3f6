/**
 * Explicit statements of pagination as written: the generator's `pagination` option, the spec's
 * `x-pagination` and Speakeasy's `x-speakeasy-pagination`, read into one `PaginationConfig`, and
 * the paths and runtime expressions they use. explicit.ts applies them.
 */
import type { PaginationStyle, ValueSource } from "../../model/model.js";

/**
 * An explicit description of an operation's pagination: the value of `x-pagination`, and of
 * each entry of the generator's `pagination` option. Only `style` is required: parameters and
 * fields left out are found the way the heuristics find them, within that style.
 *
 * Paths are dotted (`meta.next`), JSONPath-like (`$.meta.next`) or runtime expressions
 * (`$response.body#/meta/next`, `$response.header.X-Next-Cursor`); `""` or `$` is the body itself.
 */
export interface PaginationConfig {
  readonly style: PaginationStyle;
  /** The items array in the page body. */
  readonly items?: string;
  /** offset: the parameters holding the first item's index and the page size. */
  readonly offsetParam?: string;
  readonly limitParam?: string;
  /** page: the parameters holding the page number and the page size, and the first page's number. */
  readonly pageParam?: string;
  readonly sizeParam?: string;
  readonly firstPage?: number;
  /** cursor: the parameter the cursor is sent in, and where the next cursor comes from. */
  readonly cursorParam?: string;
  readonly nextCursor?: string;
  /** cursor: the next cursor is this field of the page's last item (e.g. `id`), instead of `nextCursor`. */
  readonly cursorFromLastItem?: string;
  /** nextUrl: the field (or header) holding the next page's URL. */
  readonly next?: string;
  /** A boolean that is false on the last page. */
  readonly hasMore?: string;
  /** offset and page: the number of items in the whole list, and of pages. */
  readonly total?: string;
  readonly totalPages?: string;
}

/** An entry of the generator's `pagination` option: `false` turns pagination off. */
export type PaginationOption = false | PaginationConfig;

const STYLES = new Set<string>(["offset", "page", "cursor", "nextUrl", "linkHeader"]);

const CONFIG_STRING_KEYS = [
  "items",
  "offsetParam",
  "limitParam",
  "pageParam",
  "sizeParam",
  "cursorParam",
  "nextCursor",
  "cursorFromLastItem",
  "next",
  "hasMore",
  "total",
  "totalPages",
] as const satisfies readonly (keyof PaginationConfig)[];

/** Checks an `x-pagination` value (or a generator option entry): a message says what is wrong. */
export function readXPagination(value: unknown): PaginationConfig | false | string {
  if (value === false) return false;
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "it must be an object with a `style`, or false";
  const record = value as Readonly<Record<string, unknown>>;
  if (typeof record.style !== "string" || !STYLES.has(record.style)) return `style must be one of ${[...STYLES].join(", ")}`;
  const unknown = Object.keys(record).filter((key) => key !== "style" && key !== "firstPage" && !(CONFIG_STRING_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) return `unknown key ${unknown.map((key) => JSON.stringify(key)).join(", ")}; the keys are style, firstPage, ${CONFIG_STRING_KEYS.join(", ")}`;
  const config: Record<string, unknown> = { style: record.style };
  for (const key of CONFIG_STRING_KEYS) {
    const field = record[key];
    if (field === undefined) continue;
    if (typeof field !== "string") return `${key} must be a string`;
    config[key] = field;
  }
  if (record.firstPage !== undefined) {
    if (typeof record.firstPage !== "number" || !Number.isInteger(record.firstPage)) return "firstPage must be an integer";
    config.firstPage = record.firstPage;
  }
  return config as unknown as PaginationConfig;
}

/**
 * Speakeasy's extension: `type` offsetLimit (with an `offset` or `page` input), cursor or url;
 * `inputs` name operation parameters; `outputs` are JSONPath (`$.data`, `$.data[-1].id`).
 * @see https://www.speakeasy.com/docs/sdks/customize/runtime/pagination
 */
export function readSpeakeasy(value: unknown): PaginationConfig | string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "it must be an object";
  const record = value as Readonly<Record<string, unknown>>;
  const inputs = (Array.isArray(record.inputs) ? record.inputs : []).filter((i): i is Record<string, unknown> => i !== null && typeof i === "object");
  const outputs = record.outputs !== null && typeof record.outputs === "object" ? (record.outputs as Record<string, unknown>) : {};
  const input = (type: string) => {
    const found = inputs.find((i) => i.type === type);
    return typeof found?.name === "string" ? { name: found.name, inBody: found.in === "requestBody" } : undefined;
  };
  const output = (name: string) => (typeof outputs[name] === "string" ? outputs[name] : undefined);
  const results = output("results");
  const common = { ...(results !== undefined && { items: results }) };
  const inBody = ["offset", "page", "cursor", "limit"].map(input).find((i) => i?.inBody);
  if (inBody) return `input ${inBody.name} is in the request body, which gen-client does not paginate yet`;
  const limit = input("limit")?.name;
  switch (record.type) {
    case "offsetLimit": {
      const numPages = output("numPages");
      const offset = input("offset")?.name;
      const page = input("page")?.name;
      if (offset !== undefined) return { style: "offset", ...common, offsetParam: offset, ...(limit !== undefined && { limitParam: limit }) };
      if (page !== undefined) return { style: "page", ...common, pageParam: page, ...(limit !== undefined && { sizeParam: limit }), ...(numPages !== undefined && { totalPages: numPages }) };
      return "offsetLimit needs an input of type offset or page";
    }
    case "cursor": {
      const cursor = input("cursor")?.name;
      const next = output("nextCursor");
      if (cursor === undefined || next === undefined) return "cursor needs an input of type cursor and a nextCursor output";
      // `$.data[-1].id`: the last result's id.
      const last = /^(.*)\[-1\]\.?(.+)$/.exec(next);
      if (last?.[1] !== undefined && last[2] !== undefined) return { style: "cursor", cursorParam: cursor, items: results ?? last[1], cursorFromLastItem: last[2] };
      return { style: "cursor", ...common, cursorParam: cursor, nextCursor: next };
    }
    case "url": {
      const next = output("nextUrl");
      return next === undefined ? "url needs a nextUrl output" : { style: "nextUrl", ...common, next };
    }
    default:
      return "type must be offsetLimit, cursor or url";
  }
}

/**
 * A path as written in a config: `a.b`, `$.a.b`, `$['a'].b`, `$response.body#/a/b`, or
 * `$response.header.Name`; `""` and `$` are the body itself.
 */
export function parseSource(text: string): ValueSource | undefined {
  const trimmed = text.trim();
  const header = /^\$response\.header\.(.+)$/i.exec(trimmed);
  if (header?.[1]) return { header: header[1] };
  const pointer = /^\$response\.body#(.*)$/i.exec(trimmed);
  if (pointer) {
    const rest = pointer[1] ?? "";
    if (rest !== "" && !rest.startsWith("/")) return undefined;
    return rest === "" ? [] : rest.slice(1).split("/").map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  }
  const body = trimmed.replace(/^\$\.?/, "");
  if (body === "") return [];
  const segments: string[] = [];
  for (const match of body.matchAll(/\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]|([^.[\]]+)/g)) segments.push(match[1] ?? match[2] ?? match[3] ?? "");
  return segments;
}

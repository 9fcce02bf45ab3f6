import type { core } from "zod";
import { builtOnce } from "../built-once.js";
import { isJsonMediaType } from "../media-type.js";
import type { BodySpec, LazyValidator, OperationSpec, ParamSpec } from "../operation.js";
import { argKey } from "../request/args.js";
import { coerce } from "./coerce.js";
import { reviveDates } from "../response/revive-dates.js";
import { check } from "../response/validate.js";
import { decodeComponent } from "./wire-value.js";
import { arraysFromIndices, bracketKeys, cookieParam, headerParam, pathParam, queryParam, rawQueryPairs, setDeep, unclaimedPairs, type RawPairs } from "./read-params.js";

/**
 * The `args` object an SDK function was called with, read back from the request it sent: each
 * parameter under its args key, the body under `body`, typed by the operation's schemas.
 */
export async function readArgs(operation: OperationSpec, request: Request, pathValues: Readonly<Record<string, string>>): Promise<Record<string, unknown>> {
  const url = new URL(request.url);
  const pairs = rawQueryPairs(url.search);
  const claimed = new Set<number>();
  const args: Record<string, unknown> = {};
  const absent: ParamSpec[] = [];
  for (const param of operation.params) {
    const wire = param.in === "querystring" ? queryStringValue(param, url.search, pairs, claimed) : wireValue(param, request, pathValues, pairs, claimed);
    if (wire === undefined) absent.push(param);
    else args[argKey(param)] = withDates(param.schema, param.json ? parseJson(String(coerce(undefined, wire))) : coerce(param.schema, wire));
  }
  // An exploded form object spreads its properties into the query under names of their own:
  // the pairs no parameter claimed are its value, if its schema accepts them.
  const rest = unclaimedPairs(pairs, claimed);
  if (rest !== undefined) {
    for (const param of absent) {
      if (param.in !== "query" || param.style !== "form" || !param.explode || param.schema === undefined) continue;
      const value = coerce(param.schema, rest);
      if (!check(param.schema, value).ok) continue;
      args[argKey(param)] = withDates(param.schema, value);
      break;
    }
  }
  if (operation.body) {
    const body = await readBody(operation.body, request);
    if (body !== undefined) args["body"] = body;
  }
  return args;
}

/** OpenAPI 3.2's `querystring`: the whole query, JSON text or a form, claiming every pair. */
function queryStringValue(param: ParamSpec, search: string, pairs: RawPairs, claimed: Set<number>): unknown {
  if (pairs.length === 0) return undefined;
  pairs.forEach((_pair, index) => claimed.add(index));
  if (param.json) return decodeComponent(search.slice(1));
  return formObject({ kind: "form", mediaType: "application/x-www-form-urlencoded" }, new URLSearchParams(search));
}

function wireValue(param: ParamSpec, request: Request, pathValues: Readonly<Record<string, string>>, pairs: RawPairs, claimed: Set<number>): unknown {
  switch (param.in) {
    case "path": {
      const raw = pathValues[param.name];
      return raw === undefined ? undefined : pathParam(param, raw);
    }
    case "query":
      return queryParam(param, pairs, claimed);
    case "header":
      return headerParam(request.headers, param);
    case "cookie":
      return cookieParam(request.headers, param);
  }
}

async function readBody(spec: BodySpec, request: Request): Promise<unknown> {
  if (request.body === null) return undefined;
  switch (spec.kind) {
    case "json": {
      const text = await request.text();
      return text === "" ? undefined : withDates(spec.schema, parseJson(text));
    }
    case "text":
      return request.text();
    case "stream":
      // The items, as an array: what a test compares an (async) iterable body with.
      return (await request.text())
        .split(spec.format === "json-seq" ? "\x1e" : "\n")
        .filter((record) => record.trim() !== "")
        .map((record) => withDates(spec.schema, parseJson(record)));
    case "binary":
      return request.blob();
    case "form":
      return withDates(spec.schema, coerce(spec.schema, formObject(spec, new URLSearchParams(await request.text()))));
    case "multipart":
      return withDates(spec.schema, coerce(spec.schema, await multipartObject(spec, await request.formData())));
  }
}

/**
 * Date-time text as the `Date` the caller passed, in an SDK generated with `dates: "date"` (in
 * other SDKs no schema has a date position, and the value stays as it is).
 */
function withDates(schema: LazyValidator | undefined, value: unknown): unknown {
  // Generated SDKs hand over zod schemas only; `Validator` just spares tsc their full types.
  return schema === undefined ? value : reviveDates(builtOnce(schema) as core.$ZodType, value);
}

/** A form body as an object: `a[b]=1` nests, repeated names make lists, JSON-encoded fields are parsed. */
function formObject(spec: BodySpec, form: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of form) {
    const encoding = spec.encoding?.[name];
    const field = encoding?.contentType !== undefined && isJsonMediaType(encoding.contentType) ? parseJson(value) : value;
    const bracket = name.indexOf("[");
    const base = bracket > 0 ? name.slice(0, bracket) : undefined;
    const keys = base === undefined ? undefined : bracketKeys(name, base);
    if (base !== undefined && keys !== undefined) setDeep(root, [base, ...keys], field);
    else appendField(root, name, field);
  }
  return arraysFromIndices(root) as Record<string, unknown>;
}

/** A multipart body as an object: files stay `File`s, JSON parts are parsed, repeated parts make lists. */
async function multipartObject(spec: BodySpec, form: FormData): Promise<Record<string, unknown>> {
  const root: Record<string, unknown> = {};
  for (const [name, part] of form) {
    const encoding = spec.encoding?.[name];
    const isJson = typeof part !== "string" && (isJsonMediaType(part.type) || (encoding?.contentType !== undefined && isJsonMediaType(encoding.contentType)));
    appendField(root, name, isJson ? parseJson(await part.text()) : part);
  }
  return root;
}

function appendField(root: Record<string, unknown>, name: string, value: unknown): void {
  const existing = root[name];
  if (!Object.hasOwn(root, name)) root[name] = value;
  else root[name] = Array.isArray(existing) ? [...(existing as unknown[]), value] : [existing, value];
}

function parseJson(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return text;
  }
}

/**
 * Valid arguments for one operation, built from the spec alone: a parameter's or media type's
 * `example`/`examples`, else a sample of its schema by openapi-sampler (which prefers the schema's
 * own example, default, enum and const), else json-schema-faker when that sample breaks the schema.
 * The generated SDK is consulted only for the property name each parameter has in `args` (its
 * operations.ts), never for values.
 */
import { generateSync } from "json-schema-faker";
import { sample } from "openapi-sampler";
import type { Judge } from "./judge.ts";
import { child, isObject, locate, type Json, type JsonObject, type Located } from "./spec.ts";

/** What operations.ts says of a parameter and the body (runtime/operation.ts, narrowed to what is read here). */
export interface SdkParam {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly key?: string;
  readonly style: string;
  readonly explode: boolean;
  /** `content: application/json`: the value is sent as JSON text. */
  readonly json?: boolean;
}
export interface SdkOperation {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly params: readonly SdkParam[];
  readonly body?: { readonly kind: string; readonly mediaType: string; readonly required?: boolean };
}

export interface BuiltArg {
  readonly key: string;
  /** The parameter; absent for the request body (a parameter may be named `body` too). */
  readonly param?: SdkParam;
  readonly value: unknown;
  /** Where the value came from, and whether ajv says it matches its own schema as a request may (the `write` reading). */
  readonly source: string;
  readonly schemaPointer?: string;
  readonly matchesSchema?: boolean;
  readonly schemaErrors?: readonly string[];
}

function firstExample(node: JsonObject, document: JsonObject): { value: Json; from: string } | undefined {
  if (node.example !== undefined) return { value: node.example, from: "example" };
  if (isObject(node.examples)) {
    for (const [name, example] of Object.entries(node.examples)) {
      const resolved = isObject(example) && typeof example.$ref === "string" ? locate(document, example.$ref)?.node : example;
      if (isObject(resolved) && resolved.value !== undefined) return { value: resolved.value, from: `examples.${name}` };
    }
  }
  return undefined;
}

function sampled(schema: Located, document: JsonObject): unknown {
  return sample(schema.node as Parameters<typeof sample>[0], { skipReadOnly: true, quiet: true, maxSampleDepth: 8, enablePatterns: true }, document);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BINARY_FORMATS = new Set(["binary", "byte-stream"]);

/**
 * Fixes what openapi-sampler gets wrong: it writes "string" for `format: byte` (base64 here), and
 * a string where a form or multipart body wants a file (a Blob here, with `files`).
 */
function adjusted(value: unknown, schemaPointer: string, document: JsonObject, files: boolean, depth = 0): unknown {
  const schema = locate(document, schemaPointer);
  if (schema === undefined || depth > 8) return value;
  const node = schema.node;
  if (typeof value === "string" && node.format === "byte" && !BASE64.test(value)) return "Y29uZm9ybWFuY2U=";
  const isFile = files && ((typeof node.format === "string" && BINARY_FORMATS.has(node.format)) || node.contentMediaType !== undefined || node.contentEncoding === "binary");
  if (isFile && (node.type === "string" || node.type === undefined)) return new Blob(["conformance file"], { type: "application/octet-stream" });
  if (Array.isArray(value) && node.items !== undefined) return value.map((v) => adjusted(v, child(schema, "items"), document, files, depth + 1));
  if (isObject(value) && isObject(node.properties)) {
    const out: Record<string, unknown> = { ...value };
    for (const name of Object.keys(node.properties)) if (name in out) out[name] = adjusted(out[name], child(schema, "properties", name), document, files, depth + 1);
    return out;
  }
  return value;
}

/** The document as a request sees it: readOnly properties gone (json-schema-faker has no option for that). */
const writable = new WeakMap<JsonObject, JsonObject>();
function withoutReadOnly(document: JsonObject): JsonObject {
  let cached = writable.get(document);
  if (cached === undefined) {
    const strip = (node: Json): Json => {
      if (Array.isArray(node)) return node.map(strip);
      if (!isObject(node)) return node;
      const out: JsonObject = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, strip(value)]));
      if (isObject(out.properties)) {
        const properties = out.properties;
        const dropped = Object.keys(properties).filter((name) => isObject(properties[name]) && properties[name].readOnly === true);
        out.properties = Object.fromEntries(Object.entries(properties).filter(([name]) => !dropped.includes(name)));
        if (Array.isArray(out.required)) out.required = out.required.filter((name) => !dropped.includes(String(name)));
      }
      return out;
    };
    cached = strip(document) as JsonObject;
    writable.set(document, cached);
  }
  return cached;
}

const FAKER_SEEDS = 8;

/**
 * A sample valid for a request: openapi-sampler's, else json-schema-faker's (it honours `pattern`,
 * length and range bounds that openapi-sampler may miss), checked by ajv each time.
 */
function validSample(schema: Located, document: JsonObject, judge: Judge): { value: unknown; source: string } | { value: unknown; errors: readonly string[] } {
  const value = adjusted(sampled(schema, document), schema.pointer, document, false);
  const verdict = judge.validate(schema.pointer, value, "write");
  if (verdict.valid) return { value, source: "sampler" };
  for (let seed = 1; seed <= FAKER_SEEDS; seed++) {
    let faked: unknown;
    try {
      // The schema itself at the root, beside the document's members its `#/components/…` refs need
      // (json-schema-faker does not follow a `$ref` whose pointer has escapes, as `#/paths/~1a/…` do).
      const stripped = withoutReadOnly(document);
      faked = generateSync({ ...stripped, ...(locate(stripped, schema.pointer)?.node ?? {}) }, { seed, maxDepth: 4, optionalsProbability: 0, maxDefaultItems: 1 });
    } catch {
      break;
    }
    faked = adjusted(faked, schema.pointer, document, false);
    if (judge.validate(schema.pointer, faked, "write").valid) return { value: faked, source: `json-schema-faker seed ${seed} (openapi-sampler's value breaks the schema)` };
  }
  return { value, errors: verdict.errors };
}

function valueFor(holder: Located, schemaPointer: string | undefined, document: JsonObject, judge: Judge): Omit<BuiltArg, "key"> {
  const example = firstExample(holder.node, document);
  const schema = schemaPointer === undefined ? undefined : locate(document, schemaPointer);
  if (schema === undefined) return example !== undefined ? { value: example.value, source: example.from } : { value: "conformance", source: "no schema" };
  const verdict = example === undefined ? undefined : judge.validate(schema.pointer, example.value, "write");
  if (example !== undefined && verdict!.valid) return { value: example.value, source: example.from, schemaPointer: schema.pointer, matchesSchema: true };
  // An example that breaks its own schema is a spec defect: prefer a sample if one is valid.
  const sample = validSample(schema, document, judge);
  if ("source" in sample) return { value: sample.value, source: example === undefined ? sample.source : `${sample.source}; the ${example.from} breaks its schema`, schemaPointer: schema.pointer, matchesSchema: true };
  if (example !== undefined) return { value: example.value, source: example.from, schemaPointer: schema.pointer, matchesSchema: false, schemaErrors: verdict!.errors };
  return { value: sample.value, source: "sampler", schemaPointer: schema.pointer, matchesSchema: false, schemaErrors: sample.errors };
}

/** The spec's parameter objects of an operation, path-level ones overridden by the operation's. */
function specParams(document: JsonObject, operation: Located): Map<string, Located> {
  const byKey = new Map<string, Located>();
  const pathItemPointer = operation.pointer.replace(/(?:\/additionalOperations)?\/[^/]*$/, "");
  for (const listPointer of [`${pathItemPointer}/parameters`, `${operation.pointer}/parameters`]) {
    (atArray(document, listPointer) ?? []).forEach((_, i) => {
      const param = locate(document, `${listPointer}/${i}`);
      if (param !== undefined && typeof param.node.name === "string" && typeof param.node.in === "string") byKey.set(`${param.node.in} ${param.node.name}`, param);
    });
  }
  return byKey;
}

function atArray(document: JsonObject, pointer: string): Json[] | undefined {
  let node: Json | undefined = document;
  for (const token of pointer.slice(2).split("/")) {
    const key = token.replaceAll("~1", "/").replaceAll("~0", "~");
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
    if (isObject(node) && typeof node.$ref === "string") node = locate(document, node.$ref)?.node;
  }
  return Array.isArray(node) ? node : undefined;
}

function schemaOf(document: JsonObject, holder: Located): string | undefined {
  if (holder.node.schema !== undefined) return child(holder, "schema");
  if (isObject(holder.node.content)) {
    const [media] = Object.keys(holder.node.content);
    if (media !== undefined) return child(holder, "content", media, "schema");
  }
  return undefined;
}

export function buildArgs(document: JsonObject, operation: Located, sdk: SdkOperation, judge: Judge): BuiltArg[] {
  const params = specParams(document, operation);
  const built: BuiltArg[] = [];
  for (const param of sdk.params) {
    const spec = params.get(`${param.in} ${param.name}`);
    if (spec === undefined) continue;
    const holder = isObject(spec.node.content) ? (locate(document, child(spec, "content", Object.keys(spec.node.content)[0]!)) ?? spec) : spec;
    const example = firstExample(spec.node, document) !== undefined ? spec : holder;
    let arg = valueFor(example, schemaOf(document, spec), document, judge);
    // An empty path segment (`/groups//addresses`) routes nowhere, though a schema without
    // minLength allows "": a non-empty value the schema also allows says more about the SDK.
    if (param.in === "path" && arg.value === "" && arg.schemaPointer !== undefined && judge.validate(arg.schemaPointer, "conformance", "write").valid) {
      arg = { ...arg, value: "conformance", source: `${arg.source} gave "", an empty path segment; replaced` };
    }
    built.push({ key: param.key ?? param.name, param, ...arg });
  }
  if (sdk.body !== undefined) {
    const media = locate(document, child(operation, "requestBody", "content", sdk.body.mediaType));
    if (media !== undefined) {
      const schemaPointer = media.node.schema === undefined ? undefined : child(media, "schema");
      let arg = valueFor(media, schemaPointer, document, judge);
      if (sdk.body.kind === "binary") arg = { ...arg, value: new Blob(["conformance bytes"], { type: sdk.body.mediaType }) };
      else if (sdk.body.kind === "text" && typeof arg.value !== "string") arg = { ...arg, value: typeof arg.value === "object" ? JSON.stringify(arg.value) : String(arg.value) };
      else if (schemaPointer !== undefined && (sdk.body.kind === "multipart" || sdk.body.kind === "form")) arg = { ...arg, value: adjusted(arg.value, schemaPointer, document, true) };
      // A streamed body's schema is one item's (see BodySpec.format): the SDK takes a sequence of them.
      else if (sdk.body.kind === "stream" && !Array.isArray(arg.value)) arg = { ...arg, value: [arg.value] };
      built.push({ key: "body", ...arg });
    }
  }
  return built;
}

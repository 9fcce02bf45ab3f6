import { appendPointer, GenError, parsePointer, type Warning, type WarningCode } from "../errors.js";
import type { LoadedSpec } from "../load/index.js";
import { locatePointer } from "../load/locate.js";
import type { Schema } from "../model/model.js";
import { NameRegistry, NO_RECORDED_NAMES, OperationNames, pascalCase, type RecordedNames } from "../model/naming.js";

export type Json = unknown;
export type JsonObject = Readonly<Record<string, Json>>;

export function isObject(value: Json): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function stringOf(value: Json): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function numberOf(value: Json): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A schema that has been given a name, waiting for (or done with) conversion. */
interface SchemaEntry {
  readonly pointer: string;
  readonly name: string;
  readonly raw: Json;
  schema?: Schema;
}

/**
 * The state of one `convert` run: the document, the warnings so far, the names handed out,
 * and the registry of named schemas. One instance per run, so generating many specs in one
 * process shares nothing.
 */
export class BuildContext {
  readonly spec: LoadedSpec;
  readonly warnings: Warning[] = [];
  readonly typeNames: NameRegistry;
  readonly operationNames: OperationNames;
  readonly #entries = new Map<string, SchemaEntry>();
  readonly #pending: SchemaEntry[] = [];

  /** `webhooks`: whether the SDK gets webhooks.ts, whose names its types must not shadow. */
  constructor(spec: LoadedSpec, recorded: RecordedNames = NO_RECORDED_NAMES, options: { readonly webhooks?: boolean } = {}) {
    this.spec = spec;
    this.typeNames = new NameRegistry(recorded, options);
    this.operationNames = new OperationNames(recorded.operations);
  }

  get version(): LoadedSpec["version"] {
    return this.spec.version;
  }

  warn(code: WarningCode, message: string, pointer: string): void {
    this.warnings.push({ code, message, pointer });
  }

  /** Raised for documents the generator cannot make sense of; located lazily. */
  fail(message: string, pointer: string, code: "invalid-document" | "unresolved-ref" = "invalid-document"): never {
    const position = locatePointer(this.spec.text, pointer);
    throw new GenError(code, message, { file: this.spec.file, pointer, ...position });
  }

  /** The value at a local JSON pointer, or a located `unresolved-ref` error naming `from`. */
  lookup(ref: string, from: string): Json {
    const at = appendPointer(from, "$ref");
    if (!ref.startsWith("#")) this.fail(`$ref ${JSON.stringify(ref)} points outside this document`, at, "unresolved-ref");
    return this.find(ref) ?? this.fail(`$ref ${JSON.stringify(ref)} does not resolve`, at, "unresolved-ref");
  }

  /** The value at a local JSON pointer, or undefined when there is none. */
  find(ref: string): Json | undefined {
    let node: Json | undefined = this.spec.document;
    for (const segment of parsePointer(ref)) {
      node = Array.isArray(node) ? node[Number(segment)] : isObject(node) && Object.hasOwn(node, segment) ? node[segment] : undefined;
      if (node === undefined) return undefined;
    }
    return node;
  }

  /**
   * Follows `$ref` chains of non-schema objects (parameters, responses, request bodies): returns
   * the target and its pointer, which later warnings name.
   */
  deref(value: Json, at: string): { value: Json; pointer: string } {
    let current = value;
    let pointer = at;
    const seen = new Set<string>();
    while (isObject(current) && typeof current.$ref === "string") {
      const ref = current.$ref;
      if (seen.has(ref)) this.fail(`$ref cycle through ${JSON.stringify(ref)}`, pointer, "unresolved-ref");
      seen.add(ref);
      current = this.lookup(ref, pointer);
      pointer = normalizeRef(ref);
    }
    return { value: current, pointer };
  }

  /** Registers a schema to be emitted under a name; returns its pointer (the ref target). */
  nameSchema(pointer: string, nameHint: string, raw: Json): string {
    if (!this.#entries.has(pointer)) {
      const entry: SchemaEntry = { pointer, name: this.typeNames.claimSchema(pointer, pascalCase(nameHint, "Schema")), raw };
      this.#entries.set(pointer, entry);
      this.#pending.push(entry);
    }
    return pointer;
  }

  /**
   * Registers a schema the generator composed itself (a webhook's header parameters as one
   * object), already converted, under a name kept by `pointer` like any other.
   */
  nameComposed(pointer: string, nameHint: string, schema: Schema): string {
    if (!this.#entries.has(pointer)) this.#entries.set(pointer, { pointer, name: this.typeNames.claimSchema(pointer, pascalCase(nameHint, "Schema")), raw: undefined, schema });
    return pointer;
  }

  /** A `$ref` met inside a schema: names its target on first sight. */
  schemaRef(ref: string, from: string): string {
    const pointer = normalizeRef(ref);
    if (this.#entries.has(pointer)) return pointer;
    const raw = this.lookup(ref, from);
    return this.nameSchema(pointer, nameHintFromPointer(pointer), raw);
  }

  /** Converts every named schema not yet converted, including those discovered on the way. */
  drain(convert: (raw: Json, pointer: string) => Schema): void {
    for (let entry = this.#pending.shift(); entry; entry = this.#pending.shift()) {
      entry.schema = convert(entry.raw, entry.pointer);
    }
  }

  namedSchemas(): { pointer: string; name: string; schema: Schema }[] {
    return [...this.#entries.values()].map(({ pointer, name, schema }) => {
      if (!schema) throw new Error(`internal: schema ${pointer} was never converted`);
      return { pointer, name, schema };
    });
  }
}

function normalizeRef(ref: string): string {
  return ref === "#" ? "#" : ref.replace(/^#\/?/, "#/");
}

const STRUCTURAL_SEGMENTS = new Set([
  "components",
  "schemas",
  "properties",
  "items",
  "content",
  "schema",
  "paths",
  "responses",
  "requestBodies",
  "parameters",
  "headers",
  "definitions",
  "$defs",
  "allOf",
  "oneOf",
  "anyOf",
]);

/** `#/components/schemas/Pet/properties/owner` → `PetOwner`. */
function nameHintFromPointer(pointer: string): string {
  const meaningful = parsePointer(pointer).filter((s) => !STRUCTURAL_SEGMENTS.has(s) && !s.includes("/"));
  return meaningful.slice(-3).join(" ") || "Schema";
}

/**
 * Turning spec strings into identifiers. The rules (documented in the README):
 * - words are split at anything that is not a letter or digit, and at lower→upper case changes;
 * - types are PascalCase, operations lowerCamelCase; a leading digit gets a `_` prefix;
 * - a type name that would shadow a global or an SDK export (in an SDK with webhooks, theirs too)
 *   gets the suffix `Model`;
 * - a name still taken gets the first free numeric suffix (`Pet2`), in document order.
 */

import { runtimeSurface } from "../runtime-surface.js";
import type { Layout } from "./model.js";

const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await async arguments eval undefined " +
    "NaN Infinity"
  ).split(" "),
);

/**
 * Globals that types.ts refers to, the runtime types the SDK's modules import, and the names
 * index.ts exports beside the generated types: the client's and the runtime's public surface.
 */
const RESERVED_TYPE_NAMES = new Set([
  ..."ArrayBuffer Blob Date ReadableStream Uint8Array ApiSpec OperationSpec Auth Client".split(" "),
  ...runtimeSurface().values,
  ...runtimeSurface().types,
]);

/**
 * The runtime's webhook types index.ts re-exports, in an SDK with webhooks or callbacks (see
 * emit/index-module.ts).
 */
export const RUNTIME_WEBHOOK_TYPES = ["RawBody", "SignatureScheme", "UnwrapOptions", "WebhookFailure", "WebhookHeaders", "Webhooks"] as const;

/**
 * What else an SDK with webhooks names beside its types: its event union, the runtime's webhook
 * error and types (index.ts), and what webhooks.ts and testing.ts import next to payload types.
 */
const WEBHOOK_TYPE_NAMES = new Set([
  ...RESERVED_TYPE_NAMES,
  "WebhookEvent",
  "WebhookVerificationError",
  "WebhookHeaderError",
  ...RUNTIME_WEBHOOK_TYPES,
  "WebhookClientOptions",
  "WebhooksSpec",
  "WebhookSigner",
]);

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

const ASCII_IDENTIFIER = /^[A-Za-z$_][\w$]*$/;
const ASCII = /^[\x00-\x7f]*$/;

export function isIdentifier(name: string): boolean {
  // Most names are ASCII: a plain class answers for them, faster than Unicode property escapes.
  return ASCII_IDENTIFIER.test(name) || (!ASCII.test(name) && IDENTIFIER.test(name));
}

/** A name usable as a `const`/`function` binding: an identifier that is not a reserved word. */
export function isBindingName(name: string): boolean {
  return isIdentifier(name) && !RESERVED_WORDS.has(name);
}

export function splitWords(text: string): string[] {
  // The same classes over ASCII alone, several times faster than Unicode property escapes.
  const words = ASCII.test(text)
    ? text
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
        .split(/[^A-Za-z0-9]+/)
    : text
        .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
        .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2")
        .split(/[^\p{L}\p{N}]+/u);
  return words.filter((word) => word.length > 0);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function leadingDigitSafe(name: string, fallback: string): string {
  if (name === "") return fallback;
  return /^\p{N}/u.test(name) ? `_${name}` : name;
}

export function pascalCase(text: string, fallback = "Unnamed"): string {
  const words = splitWords(text);
  return leadingDigitSafe(words.map((word) => capitalize(word)).join(""), fallback);
}

export function camelCase(text: string, fallback = "operation"): string {
  const [first = "", ...rest] = splitWords(text);
  const head = /^\p{Lu}+$/u.test(first) ? first.toLowerCase() : first.charAt(0).toLowerCase() + first.slice(1);
  return leadingDigitSafe(head + rest.map((word) => capitalize(word)).join(""), fallback);
}

/**
 * Names a previous generation chose, by stable key: a schema's JSON pointer, an operation's
 * `METHOD /path` (see name-map.ts). Each is reserved for its key from the start, so a new schema
 * or operation never takes an existing export's name, whatever its place in the document.
 */
export interface RecordedNames {
  /** Schema pointer → type name. */
  readonly schemas: ReadonlyMap<string, string>;
  /** `GET /pets` → client method name. */
  readonly operations: ReadonlyMap<string, string>;
  /** `GET /pets` → the stem of the operation's Args and Error types. */
  readonly operationTypes: ReadonlyMap<string, string>;
  /** A top-level server's URL template → its environment name. */
  readonly environments: ReadonlyMap<string, string>;
  /** The client's layout; absent in a name map written before layouts existed (those SDKs are flat). */
  readonly layout?: Layout;
  /** Grouped layout: `GET /pets` → its resource path, dotted (`pets`, `repos.hooks`; `""` for the client itself). */
  readonly resources: ReadonlyMap<string, string>;
  /** Grouped layout: `GET /pets` → its method name in that resource. */
  readonly members: ReadonlyMap<string, string>;
}

export const NO_RECORDED_NAMES: RecordedNames = { schemas: new Map(), operations: new Map(), operationTypes: new Map(), resources: new Map(), members: new Map(), environments: new Map() };

/**
 * One namespace of unique names, handed out in call order. A recorded name is reserved for its
 * key: the key gets it back while its candidate still yields it (`Pet2` for `Pet`), and no other
 * key can take it or any of its derived names.
 */
export class Namespace {
  readonly #taken = new Set<string>();
  readonly #recorded = new Map<string, string>();
  readonly #owners = new Map<string, string>();

  /** Takes a name for nobody. */
  block(name: string): void {
    this.#taken.add(name);
  }

  reserve(key: string, name: string, suffixes: readonly string[]): void {
    this.#recorded.set(key, name);
    for (const suffix of suffixes) this.#owners.set(name + suffix, key);
  }

  claim(key: string, base: string, suffixes: readonly string[]): string {
    const recorded = this.#recorded.get(key);
    if (recorded !== undefined && isNumbered(recorded, base) && this.#free(key, recorded, suffixes)) return this.#take(recorded, suffixes);
    for (let n = 1; ; n++) {
      const name = n === 1 ? base : `${base}${n}`;
      if (this.#free(key, name, suffixes)) return this.#take(name, suffixes);
    }
  }

  #free(key: string, name: string, suffixes: readonly string[]): boolean {
    return suffixes.every((suffix) => !this.#taken.has(name + suffix) && (this.#owners.get(name + suffix) ?? key) === key);
  }

  #take(name: string, suffixes: readonly string[]): string {
    for (const suffix of suffixes) this.#taken.add(name + suffix);
    return name;
  }
}

/** Whether `name` is what claiming `base` can yield: `base` itself or `base` with a number ≥ 2. */
function isNumbered(name: string, base: string): boolean {
  return name === base || (name.startsWith(base) && /^(?:[2-9]|[1-9]\d+)$/.test(name.slice(base.length)));
}

/** Suffixes every schema name reserves: its zod validator and its request-side view. */
const SCHEMA_NAME_SUFFIXES = ["Schema", "Writable", "WritableSchema"] as const;

/** The type names an operation derives from its stem. */
const OPERATION_TYPE_SUFFIXES = ["Args", "Error"] as const;

/** Type names (schemas and operation type stems), unique across types.ts and schemas.ts. */
export class NameRegistry {
  readonly #names = new Namespace();
  readonly #reserved: ReadonlySet<string>;

  constructor(recorded: RecordedNames = NO_RECORDED_NAMES, options: { readonly webhooks?: boolean } = {}) {
    this.#reserved = options.webhooks === true ? WEBHOOK_TYPE_NAMES : RESERVED_TYPE_NAMES;
    for (const [key, name] of recorded.schemas) this.#names.reserve(key, name, ["", ...SCHEMA_NAME_SUFFIXES]);
    for (const [key, stem] of recorded.operationTypes) this.#names.reserve(key, stem, OPERATION_TYPE_SUFFIXES);
  }

  /** Claims a schema's type name and its derived names (`${name}Schema`, …) together, suffixing all. */
  claimSchema(pointer: string, candidate: string): string {
    return this.#names.claim(pointer, this.#base(candidate), ["", ...SCHEMA_NAME_SUFFIXES]);
  }

  /** Claims only the derived names of an operation's stem (`${stem}Args`, `${stem}Error`), leaving the stem free. */
  claimOperationTypes(route: string, stem: string): string {
    return this.#names.claim(route, this.#base(stem), OPERATION_TYPE_SUFFIXES);
  }

  #base(candidate: string): string {
    return this.#reserved.has(candidate) ? `${candidate}Model` : candidate;
  }
}

/**
 * Bindings operations.ts, funcs.ts and validators.ts declare besides the operations themselves
 * (see emit/load-validators.ts and emit/funcs.ts), which export one const per operation each.
 */
const OPERATIONS_MODULE_BINDINGS = (
  "OperationSpec ownProperties s z isoDateTime Validators Zod Schemas Dates validatorsLoaded loadValidators importValidators useValidators " +
  "op v T operationFunc paginatedOperationFunc OperationFunc OptionalArgsOperationFunc PaginatedOperationFunc OptionalArgsPaginatedOperationFunc " +
  "Unlisted UnlistedVariant Stream OperationValidators"
).split(" ");

/**
 * Operation names: the client method (reserved words are fine as property keys) and the const
 * operations.ts exports its spec as (`delete` → `delete_`), each unique. Only the method is part
 * of the SDK's API, so only it is kept across generations.
 */
export class OperationNames {
  readonly #methods = new Namespace();
  readonly #bindings = new Set<string>(OPERATIONS_MODULE_BINDINGS);

  constructor(recorded: ReadonlyMap<string, string> = new Map()) {
    this.#methods.block("__proto__");
    for (const [route, method] of recorded) this.#methods.reserve(route, method, [""]);
  }

  claim(route: string, candidate: string): { method: string; binding: string } {
    const method = this.#methods.claim(route, candidate, [""]);
    const binding = firstFree(isBindingName(method) ? method : `${method}_`, this.#bindings);
    return { method, binding };
  }

  /** Keeps a client member's name from operations: `webhooks`, in an API that has some. */
  block(method: string): void {
    this.#methods.block(method);
  }
}

/** `candidate`, else `candidate2`, `candidate3`…: the first not in `taken`, which then holds it. */
export function firstFree(candidate: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? candidate : `${candidate}${n}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

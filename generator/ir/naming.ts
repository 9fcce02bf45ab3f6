/**
 * Turning spec strings into identifiers. The rules (documented in the README):
 * - words are split at anything that is not a letter or digit, and at lower→upper case changes;
 * - types are PascalCase, operations lowerCamelCase; a leading digit gets a `_` prefix;
 * - a type name that would shadow a global or an SDK export gets the suffix `Model`;
 * - a name still taken gets the first free numeric suffix (`Pet2`), in document order.
 */

const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await async arguments eval undefined " +
    "NaN Infinity"
  ).split(" "),
);

/** Globals that types.ts refers to, and the names index.ts exports beside the generated types. */
const RESERVED_TYPE_NAMES = new Set(
  (
    "ArrayBuffer Blob Date ReadableStream Uint8Array " +
    "ApiError ApiKeyCredential ApiPage ApiResponse ApiSpec Auth AuthenticationError BasicCredential CallOptions " +
    "Client ClientCredentials ClientOptions ConnectionError Endpoint Logger LogLevel OAuth2Credential OperationSpec " +
    "OptionalArgsEndpoint OptionalArgsPaginatedEndpoint PaginatedEndpoint PaginateOptions PaginationError " +
    "RequestValidationError ResponseValidationError RetryOptions SdkError TimeoutError " +
    "TokenCredential Unlisted ValidationIssue ValidationMode"
  ).split(" "),
);

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A name usable as a `const`/`function` binding: an identifier that is not a reserved word. */
export function isBindingName(name: string): boolean {
  return isIdentifier(name) && !RESERVED_WORDS.has(name);
}

export function splitWords(text: string): string[] {
  return text
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
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

/** Hands out unique names in call order, so the same document always yields the same names. */
export class NameRegistry {
  readonly #taken = new Set<string>();

  /** Claims `candidate` and every derived name (`${name}Schema`, …) together, suffixing all. */
  claim(candidate: string, derivedSuffixes: readonly string[] = []): string {
    return this.#claim(candidate, [""], derivedSuffixes);
  }

  /** Claims only the derived names of a stem (`${stem}Args`, `${stem}Error`), leaving the stem free. */
  claimStem(stem: string, suffixes: readonly string[]): string {
    return this.#claim(stem, [], suffixes);
  }

  #claim(candidate: string, ownSuffix: readonly string[], derivedSuffixes: readonly string[]): string {
    const base = RESERVED_TYPE_NAMES.has(candidate) ? `${candidate}Model` : candidate;
    for (let n = 1; ; n++) {
      const name = n === 1 ? base : `${base}${n}`;
      const all = [...ownSuffix, ...derivedSuffixes].map((suffix) => name + suffix);
      if (all.every((each) => !this.#taken.has(each))) {
        for (const each of all) this.#taken.add(each);
        return name;
      }
    }
  }
}

/** Suffixes every schema name reserves: its zod validator and its request-side view. */
export const SCHEMA_NAME_SUFFIXES = ["Schema", "Writable", "WritableSchema"] as const;

/** Bindings operations.ts declares besides the operations themselves. */
const OPERATIONS_MODULE_BINDINGS = ["s", "z", "OperationSpec"];

/**
 * Operation names: the client method (reserved words are fine as property keys) and the const
 * operations.ts exports its spec as (`delete` → `delete_`), each unique.
 */
export class OperationNames {
  readonly #methods = new Set<string>(["__proto__"]);
  readonly #bindings = new Set<string>(OPERATIONS_MODULE_BINDINGS);

  claim(candidate: string): { method: string; binding: string } {
    const method = firstFree(candidate, this.#methods);
    const binding = firstFree(isBindingName(method) ? method : `${method}_`, this.#bindings);
    return { method, binding };
  }
}

function firstFree(candidate: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? candidate : `${candidate}${n}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/**
 * The data a generated SDK hands to the runtime for each operation. The generator resolves every
 * OpenAPI default (parameter styles, media kinds, security inheritance) so the runtime never reads
 * the spec itself. The generator's model is built on these types (generator/ir/model.ts), so this
 * module imports nothing: reading it must not pull in the rest of the runtime.
 */

/**
 * A zod schema, typed opaquely. Checking every generated schema against zod's full `ZodType`
 * costs a type-checker seconds on a big API (a third of tsc's time on GitHub's SDK), and the
 * runtime needs nothing of the schema's type: it only runs it.
 */
export interface Validator {
  readonly _zod: unknown;
}

/**
 * A validator, or a function that makes one when it is first needed (the runtime keeps the
 * result, and calls it only after `ApiSpec.loadValidators`). Generated SDKs pass functions, so
 * that importing an SDK with a thousand operations builds no schema, and `validate: 'off'` never
 * builds one.
 */
export type LazyValidator = Validator | (() => Validator);

/**
 * What to do when a JSON body does not match its schema:
 * - `'strict'`: throw `ResponseValidationError` (the parsed, zod output value is returned otherwise);
 * - `'warn'`: log the mismatch at `warn` and return the body as received;
 * - `'off'`: never look at schemas (they are not even built), return the body as received.
 * In an SDK generated with `dates: "date"`, a body returned as received still has its date-time
 * text turned into `Date`s: its schema is built and walked for that, though not checked.
 */
export type ValidationMode = "strict" | "warn" | "off";

/** How a streaming body frames its items (see `ResponseSpec.format`). */
export type StreamFormat = "sse" | "jsonl" | "json-seq";

/** The methods with a Path Item field of their own. */
export type StandardMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE" | "QUERY";

/**
 * A request method exactly as it is sent: a standard one, or an OpenAPI 3.2
 * `additionalOperations` method (`PURGE`, `LINK`) spelled as the spec writes it. Other methods
 * than fetch's six (DELETE, GET, HEAD, OPTIONS, POST, PUT) are case-sensitive on the wire, and
 * neither fetch nor ky changes their case.
 */
export type HttpMethod = StandardMethod | (string & {});

const STANDARD_METHODS: ReadonlySet<string> = new Set<StandardMethod>(["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY"]);

/**
 * A method as a caller or a `Request` may spell it, in the spelling operations use: a standard
 * method in any case is upper-cased (`"get"` is GET, as fetch sends it), any other is kept as
 * written, since custom methods are case-sensitive (`purge` is not `PURGE`).
 */
export function canonicalMethod(method: string): HttpMethod {
  const upper = method.toUpperCase();
  return STANDARD_METHODS.has(upper) ? upper : method;
}

/**
 * `path`, `query`, `header` and `cookie` parameters, and OpenAPI 3.2's `querystring`: one
 * parameter that is the whole query string, serialized per its media type.
 */
export type ParamLocation = "path" | "query" | "querystring" | "header" | "cookie";

/** @see https://spec.openapis.org/oas/v3.1.0#style-values */
export type ParamStyle =
  | "simple"
  | "label"
  | "matrix"
  | "form"
  | "spaceDelimited"
  | "pipeDelimited"
  | "deepObject"
  /** OpenAPI 3.2's style for cookies: `form` pairs, their values not percent-encoded. */
  | "cookie";

export interface ParamSpec {
  /** The name on the wire. */
  readonly name: string;
  readonly in: ParamLocation;
  /** The property of the call's `args` object, when it differs from `name`. */
  readonly key?: string;
  readonly style: ParamStyle;
  readonly explode: boolean;
  /** Query values are sent without percent-encoding RFC 3986 reserved characters. */
  readonly allowReserved?: boolean;
  /** The parameter uses `content: application/json`: its value is sent JSON-encoded. */
  readonly json?: boolean;
  /** Validator for the value, used when the client validates requests. */
  readonly schema?: LazyValidator;
}

/** How a request body is encoded. */
export type BodyKind = "json" | "form" | "multipart" | "text" | "binary" | "stream";

export interface PartEncoding {
  readonly contentType?: string;
  readonly style?: ParamStyle;
  readonly explode?: boolean;
}

export interface BodySpec {
  readonly kind: BodyKind;
  /** The Content-Type sent (multipart boundaries are added by fetch). */
  readonly mediaType: string;
  /** Per-property encoding of form and multipart bodies. */
  readonly encoding?: Readonly<Record<string, PartEncoding>>;
  /** For `stream`: how the items are framed (the schema is each item's). */
  readonly format?: Exclude<StreamFormat, "sse">;
  readonly schema?: LazyValidator;
}

/**
 * How a response body is read: `binary` is returned as the unread `Response`, `stream` as a
 * `Stream` of items.
 */
export type ResponseKind = "json" | "text" | "binary" | "empty" | "stream";

export interface ResponseSpec {
  readonly kind: ResponseKind;
  /** For `stream`: the item schema. */
  readonly schema?: LazyValidator;
  /** For `stream`: how items are framed. */
  readonly format?: StreamFormat;
  /** For `stream`: items are the events' text, not JSON. */
  readonly text?: boolean;
  /** For SSE `stream`s: items are `{ event, data }` (the data parsed), which the schema checks as a whole. */
  readonly events?: boolean;
}

/**
 * One alternative of an operation's `security` requirement: scheme name → scopes. The runtime
 * applies the first alternative whose schemes all have credentials.
 */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export interface OperationSpec {
  /** The operationId (or the derived name) used in logs and errors. */
  readonly id: string;
  readonly method: HttpMethod;
  /** The path template, e.g. `/pets/{petId}`, its literal parts already percent-encoded (`#` as `%23`). */
  readonly path: string;
  readonly params: readonly ParamSpec[];
  readonly body?: BodySpec;
  /**
   * The `Accept` header sent: the media types the SDK reads for the success responses. The
   * caller's headers, and a header parameter named Accept, take precedence.
   */
  readonly accept?: string;
  /** Keyed by status code (`"200"`), range (`"2XX"`) or `"default"`. */
  readonly responses: Readonly<Record<string, ResponseSpec>>;
  /** Absent or empty: the operation needs no credentials. */
  readonly security?: readonly SecurityRequirement[];
  /** Present when the operation's results span pages: how `pages()` and `paginate()` walk them. */
  readonly pagination?: PaginationSpec;
  /**
   * A broken SSE stream of the operation may be resumed by sending it again with `Last-Event-ID`
   * (the spec's `x-resumable: true`); GET operations always may.
   */
  readonly resumable?: boolean;
  /**
   * The operation's own servers (declared on it or its path item), used instead of the client's
   * environment unless the caller set `baseUrl`: the one named like the client's environment,
   * else the first.
   */
  readonly servers?: readonly ServerSpec[];
}

/** A server: a URL template whose `{variables}` are filled from `ClientOptions.serverVariables`. */
export interface ServerSpec {
  /** Absolute, or relative to the page the SDK runs in. */
  readonly url: string;
  /** The environment name, for `ClientOptions.environment`. */
  readonly name?: string;
  /** Each variable's default. */
  readonly variables?: Readonly<Record<string, string>>;
}

/**
 * An operation's spec, or a function that builds it when the operation is first used (the runtime
 * keeps the result; see `builtOnce`). Generated SDKs pass functions, so that importing an SDK
 * with a thousand operations compiles none of their literals up front.
 */
export type LazyOperationSpec = OperationSpec | (() => OperationSpec);

/** Property names from a JSON value down, e.g. `["meta", "next"]`; empty: the value itself. */
export type FieldPath = readonly string[];

/** Where a value is read from a page: a field of its body, or a response header. */
export type ValueSource = FieldPath | { readonly header: string };

export function isFieldPath(source: ValueSource | { readonly lastItem: FieldPath }): source is FieldPath {
  return Array.isArray(source);
}

interface PaginationBase {
  /** Where the page body keeps its items. */
  readonly items: FieldPath;
  /** A boolean that is false on the last page. */
  readonly hasMore?: ValueSource;
}

/** The walk sets the `offset` argument to the number of items before the page. */
export interface OffsetPaginationSpec extends PaginationBase {
  readonly style: "offset";
  /** The args keys of the first item's index and of the page size. */
  readonly offset: string;
  readonly limit?: string;
  /** The page size the server uses when the call sends none. */
  readonly defaultLimit?: number;
  /** The number of items in the whole list. */
  readonly total?: ValueSource;
}

/** The walk sets the `page` argument to the next page's number. */
export interface PagePaginationSpec extends PaginationBase {
  readonly style: "page";
  readonly page: string;
  readonly size?: string;
  readonly defaultSize?: number;
  /** The number of the first page. */
  readonly firstPage: number;
  readonly total?: ValueSource;
  readonly totalPages?: ValueSource;
}

/** The walk sets the `cursor` argument to a value the previous page gave. */
export interface CursorPaginationSpec extends PaginationBase {
  readonly style: "cursor";
  readonly cursor: string;
  /** Where the next cursor is: a response field or header, or a field of the page's last item. */
  readonly nextCursor: ValueSource | { readonly lastItem: FieldPath };
}

/** The walk requests the URL the page gives, absolute or relative to the page's own. */
export interface NextUrlPaginationSpec extends PaginationBase {
  readonly style: "nextUrl";
  readonly next: ValueSource;
}

/** The walk requests the URL of the RFC 8288 `Link` header's `rel="next"` link. */
export interface LinkHeaderPaginationSpec extends PaginationBase {
  readonly style: "linkHeader";
}

export type PaginationSpec = OffsetPaginationSpec | PagePaginationSpec | CursorPaginationSpec | NextUrlPaginationSpec | LinkHeaderPaginationSpec;

/** @see https://spec.openapis.org/oas/v3.1.0#security-scheme-object */
export type SecuritySchemeSpec =
  | { readonly type: "http"; readonly scheme: string }
  | { readonly type: "apiKey"; readonly in: "header" | "query" | "cookie"; readonly name: string }
  | { readonly type: "oauth2"; readonly tokenUrl?: string }
  | { readonly type: "openIdConnect" };


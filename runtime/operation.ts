/**
 * The data a generated SDK hands to the runtime for each operation. The generator resolves every
 * OpenAPI default (parameter styles, media kinds, security inheritance) so the runtime never reads
 * the spec itself.
 */
import type { ValidationMode } from "./options.js";
import type { StreamFormat } from "./streaming/frames.js";
import type { RuntimeFeatures } from "./features.js";

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

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE" | "QUERY";

export type ParamLocation = "path" | "query" | "header" | "cookie";

/** @see https://spec.openapis.org/oas/v3.1.0#style-values */
export type ParamStyle =
  | "simple"
  | "label"
  | "matrix"
  | "form"
  | "spaceDelimited"
  | "pipeDelimited"
  | "deepObject";

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

/** What the runtime knows about the API as a whole. */
export interface ApiSpec {
  readonly title: string;
  /** The `X-Client-Info` header's value: the API's name and version, and gen-client's. */
  readonly clientInfo?: string;
  /** The spec's first server URL, used when the caller gives no `baseUrl`. */
  readonly baseUrl?: string;
  readonly securitySchemes: Readonly<Record<string, SecuritySchemeSpec>>;
  /** Property names the spec marks `format: password` or `writeOnly`: redacted in logged request bodies. */
  readonly secretFields?: readonly string[];
  /**
   * Generated with `--strict`: an enum value or discriminator variant the spec did not list fails
   * validation. Otherwise such values are accepted (typed `Unlisted<…>`) and logged once.
   */
  readonly strict?: boolean;
  /** The SDK's default for `ClientOptions.validate` (generated with `validate`); `'strict'` when absent. */
  readonly validate?: ValidationMode;
  /**
   * Generated with `dates: "date"`: `format: date-time` values are `Date`s, so bodies returned
   * unvalidated are still walked to decode them. Absent: they stay strings.
   */
  readonly dates?: "date";
  /**
   * Makes the validators that operation specs refer to usable: generated SDKs import zod and
   * their schemas.ts here, on the first call that needs them, rather than when the SDK is imported.
   * Awaited before every such call, so it resolves at once after the first.
   */
  readonly loadValidators?: () => Promise<void>;
  /** The runtime parts the spec needs beyond plain calls (see `RuntimeFeatures`). */
  readonly features?: RuntimeFeatures;
}

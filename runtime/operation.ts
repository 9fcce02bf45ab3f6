/**
 * The data a generated SDK hands to the runtime for each operation. The generator resolves every
 * OpenAPI default (parameter styles, media kinds, security inheritance) so the runtime never reads
 * the spec itself.
 */
import type { ZodType } from "zod";

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

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
  readonly schema?: ZodType;
}

/** How a request body is encoded. */
export type BodyKind = "json" | "form" | "multipart" | "text" | "binary";

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
  readonly schema?: ZodType;
}

/** How a response body is read: `binary` is returned as the unread `Response`. */
export type ResponseKind = "json" | "text" | "binary" | "empty";

export interface ResponseSpec {
  readonly kind: ResponseKind;
  readonly schema?: ZodType;
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
  /** The path template, e.g. `/pets/{petId}`. */
  readonly path: string;
  readonly params: readonly ParamSpec[];
  readonly body?: BodySpec;
  /** Keyed by status code (`"200"`), range (`"2XX"`) or `"default"`. */
  readonly responses: Readonly<Record<string, ResponseSpec>>;
  /** Absent or empty: the operation needs no credentials. */
  readonly security?: readonly SecurityRequirement[];
}

/** @see https://spec.openapis.org/oas/v3.1.0#security-scheme-object */
export type SecuritySchemeSpec =
  | { readonly type: "http"; readonly scheme: string }
  | { readonly type: "apiKey"; readonly in: "header" | "query" | "cookie"; readonly name: string }
  | { readonly type: "oauth2"; readonly tokenUrl?: string }
  | { readonly type: "openIdConnect" };

/** What the runtime knows about the API as a whole. */
export interface ApiSpec {
  readonly title: string;
  /** The spec's first server URL, used when the caller gives no `baseUrl`. */
  readonly baseUrl?: string;
  readonly securitySchemes: Readonly<Record<string, SecuritySchemeSpec>>;
}

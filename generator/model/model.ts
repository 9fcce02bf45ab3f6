/**
 * The intermediate model: an OpenAPI document with every default resolved, every `$ref` pointed at
 * a named schema, and every name chosen. Emitters read only this, never the raw document, so
 * OpenAPI 3.0/3.1 differences end at the `convert/` boundary and naming is decided exactly once.
 */
import type {
  BodyKind,
  CursorPaginationSpec,
  FieldPath,
  HttpMethod,
  PaginationSpec,
  ParamSpec,
  PartEncoding,
  SecuritySchemeSpec,
  StandardMethod,
  StreamFormat,
  ValueSource,
} from "../../runtime/operation.js";
import type { Warning } from "../errors.js";
import type { OpenApiVersion } from "../load/index.js";

// The wire contract is the runtime's: the model uses its types, and adds what only generation needs.
export type { FieldPath, HttpMethod, PartEncoding, StandardMethod, StreamFormat, ValueSource };
export type { ParamLocation, ParamStyle } from "../../runtime/operation.js";

export interface ApiModel {
  readonly title: string;
  readonly version: string;
  readonly description: string | undefined;
  /**
   * The spec, for the generated header and README: relative to the SDK's folder when it is known,
   * else to the working directory; a URL without credentials, query or fragment.
   */
  readonly source: string;
  readonly openapi: OpenApiVersion;
  /**
   * The environments a client may be created for: the top-level `servers` (or the config's
   * `environments`), the first the default.
   */
  readonly servers: readonly Server[];
  /** Component schemas, then schemas hoisted from operations, each once, in document order. */
  readonly schemas: readonly NamedSchema[];
  readonly operations: readonly Operation[];
  /**
   * The document's tags in document order, then those operations use without declaring them.
   * OpenAPI 3.2's hierarchy is in `parent`; `tagPath` (model/tags.ts) gives a tag's ancestry.
   */
  readonly tags: readonly Tag[];
  /** OpenAPI 3.2's `$self` as written: the document's own URI, against which its `$ref`s resolved. */
  readonly self: string | undefined;
  /** How the client presents operations: in resources (`api.pets.listPets`) or all on itself. */
  readonly layout: Layout;
  readonly securitySchemes: readonly SecurityScheme[];
  /** `webhooks` and `x-webhooks`, then operations' `callbacks`, in document order. */
  readonly webhooks: readonly Webhook[];
  /** The document's `x-webhook-signature`; Standard Webhooks when absent. */
  readonly webhookSignature: WebhookSignature | undefined;
  /**
   * Property names the spec marks secret (`format: password`, or `writeOnly`) in any schema or
   * request body of the generated SDK, sorted: the runtime redacts them in the bodies it logs.
   */
  readonly secretFields: readonly string[];
  readonly warnings: readonly Warning[];
}

/** The model as convert/ leaves it: without the facts analysis adds, its operations flat and unpaginated. */
export type ConvertedModel = Omit<ApiModel, "schemas" | "secretFields"> & { readonly schemas: readonly SchemaDefinition[] };

/** See analyze/resources.ts. */
export type Layout = "grouped" | "flat";

// ---------------------------------------------------------------------------------------------
// Schemas

/** A named schema as converted: analysis adds what the whole graph says of it (`NamedSchema`). */
export interface SchemaDefinition {
  /** Where the schema is defined; `RefSchema.target` holds this pointer. */
  readonly pointer: string;
  /** The exported TypeScript type name; the zod validator is `${name}Schema`. */
  readonly name: string;
  readonly schema: Schema;
}

export interface NamedSchema extends SchemaDefinition {
  /**
   * Whether the schema, or one it references, has readOnly or writeOnly properties: then request
   * bodies use a separate `${name}Writable` type that keeps writeOnly and drops readOnly fields.
   */
  readonly hasWritableView: boolean;
  /**
   * Used only by request bodies and parameters: then its one type is the request-side view,
   * under the plain name.
   */
  readonly requestOnly: boolean;
  /** Whether the schema takes part in a reference cycle (its validator needs a type annotation). */
  readonly recursive: boolean;
}

export interface SchemaMeta {
  readonly pointer: string;
  readonly title?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly nullable?: boolean;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
  readonly default?: unknown;
}

export type Literal = string | number | boolean | null;

export type Schema =
  | RefSchema
  | StringSchema
  | NumberSchema
  | BooleanSchema
  | NullSchema
  | EnumSchema
  | ArraySchema
  | ObjectSchema
  | UnionSchema
  | AllOfSchema
  | UnknownSchema;

export interface RefSchema extends SchemaMeta {
  readonly kind: "ref";
  readonly target: string;
}

export interface StringSchema extends SchemaMeta {
  readonly kind: "string";
  /** `binary` strings are file contents: `Blob` in requests, never validated in responses. */
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
}

export interface NumberSchema extends SchemaMeta {
  readonly kind: "number";
  readonly integer: boolean;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
}

export interface BooleanSchema extends SchemaMeta {
  readonly kind: "boolean";
}

export interface NullSchema extends SchemaMeta {
  readonly kind: "null";
}

/** `enum` and `const`: a closed set of literal values (null is carried by `nullable`). */
export interface EnumSchema extends SchemaMeta {
  readonly kind: "enum";
  readonly values: readonly Exclude<Literal, null>[];
}

export interface ArraySchema extends SchemaMeta {
  readonly kind: "array";
  readonly items: Schema;
  /** 3.1 `prefixItems`: a tuple whose rest is `items`. */
  readonly prefixItems?: readonly Schema[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
}

export interface Property {
  /** The key on the wire, exactly as in the spec. */
  readonly name: string;
  readonly schema: Schema;
  readonly required: boolean;
}

export interface ObjectSchema extends SchemaMeta {
  readonly kind: "object";
  readonly properties: readonly Property[];
  /** `false`: closed; `undefined`: not stated (extra keys allowed but untyped); else their schema. */
  readonly additionalProperties: Schema | false | undefined;
}

export interface Discriminator {
  readonly propertyName: string;
  /** Discriminator value → the `ref` target (pointer) of the variant it selects. */
  readonly mapping: readonly (readonly [value: string, target: string])[];
}

/** oneOf, anyOf, and 3.1 `type` arrays. */
export interface UnionSchema extends SchemaMeta {
  readonly kind: "union";
  readonly variants: readonly Schema[];
  readonly discriminator?: Discriminator;
}

export interface AllOfSchema extends SchemaMeta {
  readonly kind: "allOf";
  readonly parts: readonly Schema[];
}

/** The empty schema, and anything the generator degraded (with a warning). */
export interface UnknownSchema extends SchemaMeta {
  readonly kind: "unknown";
}

// ---------------------------------------------------------------------------------------------
// Operations

/** The runtime's `ParamSpec`, its optional flags resolved, with the schema as the model's. */
export interface Parameter extends Omit<ParamSpec, "schema"> {
  readonly pointer: string;
  /** The property of the operation's args object: `name`, unless two locations share it. */
  readonly key: string;
  readonly required: boolean;
  readonly allowReserved: boolean;
  /** `content: application/json` parameters (and querystring ones) are sent JSON-encoded. */
  readonly json: boolean;
  readonly schema: Schema;
  readonly description?: string;
  readonly deprecated: boolean;
}

/** How a body is carried on the wire: the runtime's body kinds but `stream`, which the model says with `stream`. */
export type MediaKind = Exclude<BodyKind, "stream">;

export interface RequestBody {
  readonly mediaType: string;
  readonly kind: MediaKind;
  /** A JSON Lines or JSON text sequence body: `schema` is each item's, and the body an (async) iterable of items. */
  readonly stream?: Exclude<StreamFormat, "sse">;
  readonly required: boolean;
  readonly schema: Schema;
  readonly encoding: ReadonlyMap<string, PartEncoding>;
  readonly description?: string;
}

export interface ResponseHeader {
  readonly name: string;
  readonly schema: Schema;
  readonly required: boolean;
  readonly description?: string;
}

export interface Response {
  /** `"200"`, `"2XX"` or `"default"`. */
  readonly status: string;
  readonly description?: string;
  /** Absent when the response has no body. With `stream`, `schema` is the schema of each item. */
  readonly content?: { readonly mediaType: string; readonly kind: MediaKind; readonly schema: Schema; readonly stream?: ResponseStream };
  readonly headers: readonly ResponseHeader[];
}

export interface ResponseStream {
  readonly format: StreamFormat;
  /** The items are the events' text (their schema is a plain string), not JSON. */
  readonly text: boolean;
  /** SSE items are `{ event, data }` objects: the spec types the data per event name. */
  readonly events: boolean;
  /** Where the item schema came from, for `--explain-streaming`. */
  readonly reason: string;
}

/** A Tag Object (OpenAPI 3.2 adds `summary`, `parent` and `kind`). */
export interface Tag {
  /** The Tag Object's pointer, or for an undeclared tag the first `tags` list that names it. */
  readonly pointer: string;
  readonly name: string;
  /** Whether the document's `tags` declares it (else only operations name it). */
  readonly declared: boolean;
  readonly summary?: string;
  readonly description?: string;
  /** The name of the tag it is nested under: always a declared tag, never making a cycle. */
  readonly parent?: string;
  /** `nav`, `badge`, `audience` (the registry's values), or any other the spec uses. */
  readonly kind?: string;
  readonly externalDocs?: ExternalDocs;
}

export interface ExternalDocs {
  readonly url: string;
  readonly description?: string;
}

export interface Operation {
  readonly pointer: string;
  /** The spec's operationId, or the name derived from method and path. */
  readonly operationId: string;
  /**
   * The operation's name, lowerCamelCase and unique in the API: the flat client's method, the
   * stem of its types, and its key in the `pagination` option.
   */
  readonly name: string;
  /** The client resource it is in (`["repos", "hooks"]`); empty on the client itself (and in the flat layout). */
  readonly resource: readonly string[];
  /** Its method in that resource: `get` in `api.repos.get`; `name` in the flat layout. */
  readonly member: string;
  /** The const operations.ts exports the operation's spec as: `name`, unless that is reserved. */
  readonly binding: string;
  /** PascalCase stem for the operation's types, e.g. `GetPetById` → `GetPetByIdArgs`. */
  readonly typeName: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /** `x-resumable: true`: a broken SSE stream may be resumed by sending the request again. */
  readonly resumable?: boolean;
  /** The operation's `externalDocs`, when it has a URL. */
  readonly externalDocs?: ExternalDocs;
  readonly tags: readonly string[];
  readonly parameters: readonly Parameter[];
  readonly body?: RequestBody;
  /** In the spec's order. Success responses are the 2xx ones (or `default` when none is 2xx). */
  readonly responses: readonly Response[];
  /** Alternatives; each maps scheme name → scopes. Empty: no credentials needed. */
  readonly security: readonly ReadonlyMap<string, readonly string[]>[];
  /**
   * How the SDK walks the operation's pages (see analyze/pagination/), or why it does not: `style:
   * "none"` with a reason for list-like operations left unpaginated. Absent for all others.
   */
  readonly pagination?: Pagination | Unpaginated;
  /** The operation's own `servers` (or its path item's), which replace the environments' for it. */
  readonly servers?: readonly Server[];
}

/** A Server Object: a URL template whose `{variables}` have defaults. */
export interface Server {
  /** Absolute, or relative when the document's location is not a URL. */
  readonly url: string;
  /** The environment name: unique among its list, see convert/servers.ts. */
  readonly name: string;
  readonly description?: string;
  /** Each `{placeholder}` of `url`, in order of first use. */
  readonly variables: readonly ServerVariable[];
}

export interface ServerVariable {
  readonly name: string;
  readonly default: string;
  /** The values allowed; absent: any. */
  readonly enum?: readonly string[];
  readonly description?: string;
}

// ---------------------------------------------------------------------------------------------
// Webhooks

/** A request the API sends to its users: a webhook, or an operation's callback. */
export interface Webhook {
  readonly pointer: string;
  /** The key under `webhooks`, or `<client method>.<callback>`: the event's `name` in the SDK. */
  readonly name: string;
  readonly method: HttpMethod;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /** The JSON payload: a `ref` to a named schema, or `unknown`. Received as a response is. */
  readonly payload: Schema;
  /** The header parameters it declares, if any, as one named object schema keyed by lower-case header name. */
  readonly headers?: WebhookHeaders;
}

export interface WebhookHeaders {
  /** A `ref` to the named object schema (`<webhook> Headers`). */
  readonly schema: Schema;
  /** Each header as the spec spells it (error messages name it so), and whether it is required. */
  readonly declared: readonly { readonly name: string; readonly required: boolean }[];
}

/** The same shapes as the runtime's `SignatureScheme`. */
export type WebhookSignature =
  | { readonly scheme: "standard" | "github" | "stripe" }
  | { readonly scheme: "hmac"; readonly header: string; readonly encoding: "hex" | "base64"; readonly prefix?: string };

// ---------------------------------------------------------------------------------------------
// Pagination: the runtime's `PaginationSpec`, plus the items' schema and why.

export type PaginationStyle = PaginationSpec["style"];

/** Who decided: the generator's heuristics, a spec extension, or the generator's options. */
export type PaginationOrigin = "heuristics" | "x-pagination" | "x-speakeasy-pagination" | "options";

/** What the model knows of a paginated operation beyond what the runtime is given. */
export interface PaginationFacts {
  /** The schema of one item (`unknown` when the items path cannot be followed in the schema). */
  readonly itemSchema: Schema;
  readonly origin: PaginationOrigin;
  /** One sentence saying what was recognised, for `--explain-pagination`. */
  readonly reason: string;
}

export type Pagination = PaginationSpec & PaginationFacts;

export type CursorPagination = CursorPaginationSpec & PaginationFacts;

export interface Unpaginated {
  readonly style: "none";
  readonly origin: PaginationOrigin;
  readonly reason: string;
}

// ---------------------------------------------------------------------------------------------
// Security

/** The runtime's `SecuritySchemeSpec` (an apiKey's `name` is its parameter's), under its key in the spec. */
export type SecurityScheme = SecuritySchemeSpec & {
  /** The key under `components.securitySchemes`: the `Auth` property and `security` requirements name it. */
  readonly key: string;
  readonly description?: string;
  /** OpenAPI 3.2: the scheme is on its way out (the README and JSDoc say so). */
  readonly deprecated?: boolean;
};

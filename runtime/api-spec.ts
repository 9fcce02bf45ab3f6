/**
 * The API as a whole, as a generated client hands it to the runtime. Apart from operation.ts,
 * which the generator imports, because it names the runtime parts an SDK passes in.
 *
 * Those parts (`RuntimeFeatures`) are declared by their signatures, over the types their modules
 * declare, never as `typeof` their implementations (features.ts): the implementations read
 * `ApiSpec`, directly or through `Config`, so importing them here would make an import cycle. For
 * the same reason, a module these signatures reach takes only the fields of `ApiSpec` it reads,
 * declared there (base-url.ts, logging/redact.ts).
 */
import type { AppliedAuth, AuthContext } from "./auth/apply-auth.js";
import type { ApiServers, ResolveBaseUrls } from "./base-url.js";
import type { Log } from "./logging/log.js";
import type { BodySpec, OperationSpec, SecurityRequirement, SecuritySchemeSpec, ValidationMode } from "./operation.js";
import type { FetchFunction } from "./options.js";
import type { Args } from "./request/args.js";
import type { EncodedBody } from "./request/encoded-body.js";
import type { ApiResponse } from "./response/api-response.js";
import type { Interpreter, ReadingFeatures } from "./response/interpreter.js";
import type { StreamCall } from "./streaming/stream-call.js";
import type { Received } from "./transport/send.js";

/** What the runtime knows about the API as a whole. */
export interface ApiSpec extends ApiServers {
  readonly title: string;
  /** The `X-Client-Info` header's value: the API's name and version, and gen-client's. */
  readonly clientInfo?: string;
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

/** Each is named as features.ts exports it, which is how the generated `api` literal passes it. */
export interface RuntimeFeatures {
  /** Security schemes: sends the credentials a requirement asks for. */
  readonly applyAuth?: (requirement: SecurityRequirement, context: AuthContext) => Promise<AppliedAuth>;
  /** Streamed responses (SSE, JSON lines): opens them, and tells a `Stream` result apart. */
  readonly streams?: StreamsFeature;
  readonly formBody?: (spec: BodySpec, value: unknown) => URLSearchParams | string;
  /** Streamed request bodies (JSON lines, JSON text sequences). */
  readonly itemsBody?: (spec: BodySpec, value: unknown) => EncodedBody;
  readonly multipartBody?: (spec: BodySpec, value: unknown) => EncodedBody;
  /** OAuth 2 client-credentials flows: fetches and caches their tokens. `config` is the part of `Config` they read. */
  readonly tokenSources?: (
    api: Pick<ApiSpec, "securitySchemes">,
    config: { readonly baseUrl: string; readonly timeout: number | false },
    fetch: FetchFunction | undefined,
    log: Log,
  ) => AuthContext["tokenSource"];
  /** `dates: "date"`: decodes the date-times of bodies returned unvalidated. */
  readonly reviveDates?: NonNullable<ReadingFeatures["reviveDates"]>;
  /**
   * Checks responses and (with `validateRequests`) arguments against the SDK's validators. An SDK
   * generated with `--validate off` has none, and its clients refuse to validate.
   */
  readonly validation?: ValidationFeature;
  /**
   * Server variables, operations' own servers, relative server URLs: without them, each call goes
   * to `baseUrl` or the chosen environment's URL as the spec wrote it (see base-url.ts).
   */
  readonly resolveBaseUrls?: ResolveBaseUrls;
}

export interface ValidationFeature extends NonNullable<ReadingFeatures["validation"]> {
  readonly request: (operation: OperationSpec, args: Args) => void;
}

export interface StreamsFeature extends NonNullable<ReadingFeatures["streams"]> {
  /** The end of a call whose response may be a stream. */
  readonly readCall: (received: Received, interpreter: Interpreter, call: StreamCall) => ApiResponse<unknown>;
}

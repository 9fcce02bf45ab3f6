/**
 * The API as a whole, as a generated client hands it to the runtime. Apart from operation.ts,
 * which the generator imports, because it names the runtime parts an SDK passes in.
 */
import type { RuntimeFeatures } from "./features.js";
import type { SecuritySchemeSpec, ServerSpec, ValidationMode } from "./operation.js";

/** What the runtime knows about the API as a whole. */
export interface ApiSpec {
  readonly title: string;
  /** The `X-Client-Info` header's value: the API's name and version, and gen-client's. */
  readonly clientInfo?: string;
  /** The environments, the first the default: used when the caller gives no `baseUrl`. */
  readonly servers?: readonly ServerSpec[];
  /** Every server variable's allowed values (empty: any value), to check `ClientOptions.serverVariables`. */
  readonly serverVariables?: Readonly<Record<string, readonly string[]>>;
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

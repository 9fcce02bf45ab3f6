/** The options of `generate()`: what a config file's API entry holds, less where its SDK goes. */
import type { DatesMode, ValidationMode, ZodApi } from "../emit/context.js";
import type { OperationSelector } from "../analyze/filter.js";
import type { Layout } from "../model/model.js";
import type { PaginationOption } from "../analyze/pagination/config.js";
import type { GroupBy } from "../analyze/resources.js";
import type { WebhookSignatureOption } from "../analyze/webhook-signature.js";
import type { RuntimeOption } from "../runtime-placement.js";

export interface GenerateOptions {
  /**
   * Path of the OpenAPI 3.0/3.1 or Swagger 2.0 document, YAML or JSON, or an http(s) URL to
   * fetch it from.
   */
  readonly spec: string;
  /** The API's display name in generated docs; defaults to the spec's `info.title`. */
  readonly name?: string;
  /**
   * Pagination per operation, keyed by operation name (the flat client's method), operationId or
   * path on the client (`pets.listPets`): `false` turns it off,
   * an object (the shape of the `x-pagination` extension) states it. Wins over the spec.
   */
  readonly pagination?: Readonly<Record<string, PaginationOption>>;
  /**
   * Strict validators: objects reject keys the spec does not list, and enum values or
   * discriminated variants it does not list fail validation instead of being accepted as
   * `Unlisted<…>` and logged.
   * @default false
   */
  readonly strict?: boolean;
  /**
   * Where the runtime goes: `"copy"` into the SDK's folder (`<out>/runtime/`); `{ path }` into a
   * folder several SDKs share (relative to the working directory), which the SDK then imports by a
   * relative path from `out` (so `out` is required). The shared folder must lie outside `out`; it
   * holds the whole runtime, the testing kit included, and is returned as `sharedRuntime`.
   * @default the shared folder the SDK in `out` was written with (recorded by `writeSdk`), else "copy"
   */
  readonly runtime?: RuntimeOption;
  /**
   * The SDK's default response validation, used when `createClient()` is given no `validate`:
   * `"strict"` throws `ResponseValidationError`, `"warn"` logs the mismatch and returns the body,
   * `"off"` skips validation. A client's or a call's `validate` option still overrides it.
   * @default "strict"
   */
  readonly validate?: ValidationMode;
  /**
   * How `format: date-time` values appear in the SDK: `"string"`, RFC 3339 text (validators check
   * the format); `"date"`, `Date` objects in types, validators and results (sent as RFC 3339 with
   * `Z`). `format: date` stays a string either way: a calendar date has no time zone.
   * @default "string"
   */
  readonly dates?: DatesMode;
  /**
   * Which zod API the validators are written in: `"classic"` (`z.string().min(1)` style methods)
   * or `"mini"` (zod/mini's functions, `z.optional(z.string())`), which a bundler can leave out
   * one by one. Both validate alike, and the runtime works with either.
   * @default "classic"
   */
  readonly zod?: ZodApi;
  /**
   * Emit `testing.ts` with `createMockApi()`, a typed mock of the API for tests of code that uses
   * the SDK, and copy the kit's runtime part (`runtime/testing/`). It needs nothing beyond ky and
   * zod; `returnsFake()` loads json-schema-faker and `mswHandler()` takes msw's `http`, both only
   * when a test uses them.
   * @default true
   */
  readonly testing?: boolean;
  /**
   * The SDK's folder. When set, the names recorded in its `.gen-client-names.json` (if any) are
   * kept: schemas and operations that still exist keep their exported names; the generated header
   * names the spec relative to this folder, and the README imports the SDK by the folder's name.
   * Nothing is written.
   */
  readonly out?: string;
  /**
   * Generate only the operations with one of these tags or paths (exact, or a glob such as
   * `/pets/**`). Every schema is still generated.
   * @example { tags: ["pets"], paths: ["/store/**"] }
   */
  readonly include?: OperationSelector;
  /** Leave out the operations with one of these tags or paths, even when `include` names them. */
  readonly exclude?: OperationSelector;
  /**
   * How the API signs its webhooks; wins over the spec's `x-webhook-signature`. Without either:
   * Standard Webhooks.
   * @example { scheme: "github" }
   * @example { scheme: "hmac", header: "X-Signature", encoding: "base64", prefix: "sha256=" }
   */
  readonly webhookSignature?: WebhookSignatureOption;
  /**
   * Named environments, which replace the spec's top-level servers as `createClient({ environment })`'s
   * choices: URLs by name, the first the default. A URL may use the spec's server variables.
   * @example { production: "https://api.example.com/v1", sandbox: "https://sandbox.example.com/v1" }
   */
  readonly environments?: Readonly<Record<string, string>>;
  /**
   * How the client presents operations: `"grouped"` in resources (`api.repos.get()`,
   * `api.pets.listPets()`), `"flat"` all on the client (`api.reposGet()`). A switch moves every
   * method, which `--check` reports as a breaking change.
   * @default the layout the SDK in `out` was generated with (an SDK from before layouts existed is
   * `"flat"`), else `"grouped"`
   */
  readonly layout?: Layout;
  /**
   * Grouped layout: where resources come from first, the operation's first tag, its operationId
   * prefix (`repos/get`, `repos.get`) or its path; the others follow in that order.
   * @default "tags"
   */
  readonly groupBy?: GroupBy;
  /**
   * Grouped layout: the resource of an operation, by operationId (or operation name), wins over
   * the spec and the name map: `"repos"`, `"repos.hooks"`, or `null` (or `""`) for the client itself.
   * @example { "meta/root": null, "repos/list-webhooks": "repos.hooks" }
   */
  readonly resources?: Readonly<Record<string, string | null>>;
  /** Called as each phase starts, e.g. to show progress. */
  readonly onPhase?: (phase: GeneratePhase) => void;
}

export type GeneratePhase = "load" | "model" | "emit";

import { performance } from "node:perf_hooks";
import type { DatesMode, ValidationMode } from "./emit/context.js";
import type { EmittedFile } from "./emit/emitted-file.js";
import { emitSdk } from "./emit/index.js";
import type { Warning } from "./errors.js";
import { filterOperations, type OperationSelector } from "./ir/filter.js";
import { buildModel } from "./ir/index.js";
import { applyPaginationOptions, explainPagination, type PaginationExplanation, type PaginationOption } from "./ir/pagination.js";
import { explainStreaming, type StreamingExplanation } from "./ir/responses.js";
import { webhookSignatureOf, type WebhookSignatureOption } from "./ir/webhooks.js";
import { loadSpec } from "./load/index.js";
import { nameMapFile, readNameMap } from "./name-map.js";
import { runtimeFiles } from "./package-files.js";
import { sdkFolderName, specLabel } from "./portable-paths.js";
import { placeRuntime, type RuntimeOption } from "./runtime-placement.js";
import { recordedRuntime } from "./write/manifest.js";
import { buildSurface } from "./surface/build.js";
import { surfaceFile } from "./surface/file.js";

export interface GenerateOptions {
  /**
   * Path of the OpenAPI 3.0/3.1 or Swagger 2.0 document, YAML or JSON, or an http(s) URL to
   * fetch it from.
   */
  readonly spec: string;
  /** The API's display name in generated docs; defaults to the spec's `info.title`. */
  readonly name?: string;
  /**
   * Pagination per operation, keyed by client method name or operationId: `false` turns it off,
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
  /** Called as each phase starts, e.g. to show progress. */
  readonly onPhase?: (phase: GeneratePhase) => void;
}

export type GeneratePhase = "load" | "model" | "emit";

export interface GenerateResult {
  /**
   * Every file of the SDK, relative to its folder: generated modules, the name map
   * (`.gen-client-names.json`) and API surface (`.gen-client-surface.json`), then the runtime copy
   * (none with a shared runtime).
   */
  readonly files: readonly EmittedFile[];
  /**
   * With `runtime: { path }`: the shared runtime folder (as given) and its files, relative to it.
   * Write them with `writeSdk(sharedRuntime.path, sharedRuntime.files)`.
   */
  readonly sharedRuntime?: { readonly path: string; readonly files: readonly EmittedFile[] };
  readonly operations: number;
  readonly schemas: number;
  readonly warnings: readonly Warning[];
  /** What the generator decided about each list-like operation's pagination, and why. */
  readonly pagination: readonly PaginationExplanation[];
  /** Each streaming success response: its format, and where its item schema came from. */
  readonly streaming: readonly StreamingExplanation[];
  /** The local files the spec was read from (absolute paths; none for a URL), e.g. to watch them. */
  readonly sources: readonly string[];
  /** Milliseconds spent in each phase. */
  readonly timings: { readonly load: number; readonly model: number; readonly emit: number };
}

/** Generates an SDK in memory: load → model → emit. Nothing is written; see `writeSdk`. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const elapsed = now - mark;
    mark = now;
    return Math.round(elapsed);
  };
  const recordedShared = options.runtime === undefined && options.out !== undefined ? await recordedRuntime(options.out) : undefined;
  const runtime = placeRuntime(options.runtime ?? (recordedShared === undefined ? undefined : { path: recordedShared }), options.out);
  options.onPhase?.("load");
  const spec = await loadSpec(options.spec);
  const recorded = options.out === undefined ? undefined : await readNameMap(options.out);
  const load = lap();
  options.onPhase?.("model");
  const built = buildModel(spec, recorded);
  // Pagination options apply before filtering, so one naming a left-out operation is no warning.
  const configured = options.pagination === undefined ? built : applyPaginationOptions(built, options.pagination);
  const filtered = options.include === undefined && options.exclude === undefined ? configured : filterOperations(configured, options);
  const named = { ...filtered, source: specLabel(options.spec, options.out), ...(options.name !== undefined && { title: options.name }) };
  const model = options.webhookSignature === undefined ? named : { ...named, webhookSignature: webhookSignatureOf(options.webhookSignature) };
  const modelTime = lap();
  options.onPhase?.("emit");
  const strict = options.strict === true;
  const testing = options.testing !== false;
  const validate = options.validate ?? "strict";
  const dates = options.dates ?? "string";
  const sdk = [...emitSdk(model, { strict, testing, validate, dates, runtime: runtime.specifier, folder: sdkFolderName(options.out) }), nameMapFile(model), surfaceFile(buildSurface(model, strict, dates))];
  // A shared runtime serves SDKs with and without the testing kit and webhooks: it always holds both.
  const runtimeCopy = await runtimeFiles({ testing: testing || runtime.shared !== undefined, webhooks: model.webhooks.length > 0 || runtime.shared !== undefined });
  const files = runtime.shared === undefined ? [...sdk, ...runtimeCopy.map((file) => ({ ...file, path: `runtime/${file.path}` }))] : sdk;
  const emit = lap();
  return {
    files,
    ...(runtime.shared !== undefined && { sharedRuntime: { path: runtime.shared, files: runtimeCopy } }),
    operations: model.operations.length,
    schemas: model.schemas.length,
    warnings: model.warnings,
    pagination: explainPagination(model),
    streaming: explainStreaming(model),
    sources: spec.files,
    timings: { load, model: modelTime, emit },
  };
}

import { performance } from "node:perf_hooks";
import { checkedOptions } from "./config/load.js";
import type { GenerateOptions, GeneratePhase } from "./config/options.js";
import type { EmittedFile } from "./emit/emitted-file.js";
import { emitSdk } from "./emit/index.js";
import type { Warning } from "./errors.js";
import { analyze } from "./analyze/index.js";
import { convert } from "./convert/index.js";
import { explainPagination, explainStreaming, type PaginationExplanation, type StreamingExplanation } from "./explain.js";
import { loadSpec } from "./load/index.js";
import { nameMapFile, readNameMap } from "./name-map.js";
import { runtimeFiles } from "./package-files.js";
import { sdkFolderName, specLabel } from "./portable-paths.js";
import { placeRuntime } from "./runtime-placement.js";
import { recordedRuntime } from "./write/manifest.js";
import { buildSurface } from "./surface/build.js";
import { surfaceFile } from "./surface/file.js";
import type { ApiSurface } from "./surface/model.js";

export type { GenerateOptions, GeneratePhase };

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
  /** The API surface `.gen-client-surface.json` stores, as an object (`--check` diffs it). */
  readonly surface: ApiSurface;
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

/** Generates an SDK in memory: load → convert → analyze → emit. Nothing is written; see `writeSdk`. */
export async function generate(given: GenerateOptions): Promise<GenerateResult> {
  // Checked as a config file's are: a program's typo gets the same message.
  const options = checkedOptions(given);
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
  const converted = convert(spec, recorded);
  const model = analyze(converted, { ...options, source: specLabel(options.spec, options.out) }, recorded);
  const modelTime = lap();
  options.onPhase?.("emit");
  const strict = options.strict === true;
  const testing = options.testing !== false;
  const validate = options.validate ?? "strict";
  const dates = options.dates ?? "string";
  const surface = buildSurface(model, strict, dates);
  const sdk = [...emitSdk(model, { strict, testing, validate, dates, zod: options.zod ?? "classic", runtime: runtime.specifier, folder: sdkFolderName(options.out) }), nameMapFile(model), surfaceFile(surface)];
  // A shared runtime serves SDKs with and without the testing kit and webhooks: it always holds both.
  const runtimeCopy = await runtimeFiles({ testing: testing || runtime.shared !== undefined, webhooks: model.webhooks.length > 0 || runtime.shared !== undefined });
  const files = runtime.shared === undefined ? [...sdk, ...runtimeCopy.map((file) => ({ ...file, path: `runtime/${file.path}` }))] : sdk;
  const emit = lap();
  return {
    files,
    ...(runtime.shared !== undefined && { sharedRuntime: { path: runtime.shared, files: runtimeCopy } }),
    surface,
    operations: model.operations.length,
    schemas: model.schemas.length,
    warnings: model.warnings,
    pagination: explainPagination(model),
    streaming: explainStreaming(model),
    sources: spec.files,
    timings: { load, model: modelTime, emit },
  };
}

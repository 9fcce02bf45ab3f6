import { performance } from "node:perf_hooks";
import { emitSdk, type EmittedFile } from "./emit/index.js";
import type { Warning } from "./errors.js";
import { buildModel } from "./ir/index.js";
import { loadSpec } from "./load/index.js";
import { runtimeFiles } from "./package-files.js";

export interface GenerateOptions {
  /** Path of the OpenAPI 3.0/3.1 document, YAML or JSON. */
  readonly spec: string;
  /** The API's display name in generated docs; defaults to the spec's `info.title`. */
  readonly name?: string;
}

export interface GenerateResult {
  /** Every file of the SDK, generated modules first, then the runtime copy. */
  readonly files: readonly EmittedFile[];
  readonly operations: number;
  readonly schemas: number;
  readonly warnings: readonly Warning[];
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
  const spec = await loadSpec(options.spec);
  const load = lap();
  const built = buildModel(spec);
  const model = options.name === undefined ? built : { ...built, title: options.name };
  const modelTime = lap();
  const files = [...emitSdk(model), ...(await runtimeFiles())];
  const emit = lap();
  return {
    files,
    operations: model.operations.length,
    schemas: model.schemas.length,
    warnings: model.warnings,
    timings: { load, model: modelTime, emit },
  };
}

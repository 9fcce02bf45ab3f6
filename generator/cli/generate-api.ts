import { performance } from "node:perf_hooks";
import type { ApiConfig } from "../config/schema.js";
import { generate, type GenerateResult } from "../generate.js";
import { writeSdk, type WriteResult } from "../write/index.js";
import type { Reporter } from "./reporter.js";

export interface RunFlags {
  readonly clean: boolean;
}

/** Generates and writes one API's SDK, printing its summary line; a bad spec throws a `GenError`. */
export async function generateApi(api: ApiConfig, flags: RunFlags, reporter: Reporter): Promise<GenerateResult> {
  const started = performance.now();
  const { out } = api;
  // `out` also makes generate() keep the names recorded in the committed SDK.
  const result = await generate({ ...api, onPhase: (phase) => reporter.progress(api.spec, phase) });
  reporter.progress(api.spec, "write");
  const writeStarted = performance.now();
  // The shared runtime first: the SDK written next imports it.
  const shared = result.sharedRuntime === undefined ? undefined : await writeSdk(result.sharedRuntime.path, result.sharedRuntime.files);
  const written = await writeSdk(out, result.files, { clean: flags.clean, sources: result.sources, ...(result.sharedRuntime !== undefined && { sharedRuntime: result.sharedRuntime.path }) });
  const writeTime = Math.round(performance.now() - writeStarted);
  for (const warning of result.warnings) reporter.warning(api.spec, warning);
  reporter.result(summary(api, result, written, shared, performance.now() - started));
  const { load, model, emit } = result.timings;
  reporter.detail(`  phases: load ${load} ms, model ${model} ms, emit ${emit} ms, write ${writeTime} ms`);
  for (const [what, files] of [["written", written.written], ["removed", written.removed]] as const) {
    if (files.length > 0) reporter.detail(`  ${what}: ${compact(files)}`);
  }
  if (written.unchanged.length > 0) reporter.detail(`  unchanged: ${written.unchanged.length} files`);
  if (shared !== undefined && result.sharedRuntime !== undefined) {
    reporter.detail(`  shared runtime ${result.sharedRuntime.path}: ${shared.written.length} written, ${shared.unchanged.length} unchanged, ${shared.removed.length} removed`);
  }
  return result;
}

/** The files count the shared runtime's too, so the line reads the same whichever way the runtime is placed. */
function summary(api: ApiConfig, result: GenerateResult, written: WriteResult, shared: WriteResult | undefined, elapsed: number): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  const paginated = result.pagination.filter((entry) => entry.style !== "none").length;
  const files = result.files.length + (result.sharedRuntime?.files.length ?? 0);
  const writes = written.written.length + (shared?.written.length ?? 0);
  const removals = written.removed.length + (shared?.removed.length ?? 0);
  const changes = [`${writes} written`, ...(removals > 0 ? [`${removals} removed`] : [])].join(", ");
  const warnings = result.warnings.length > 0 ? `, ${count(result.warnings.length, "warning")}` : "";
  return `gen-client: ${api.spec} → ${api.out}: ${result.operations} operations (${paginated} paginated), ${result.schemas} schemas, ${files} files (${changes}) in ${(elapsed / 1000).toFixed(2)} s${warnings}`;
}

/** `README.md, client.ts, runtime/ (57 files)`: the runtime copy would drown the SDK's own files. */
function compact(files: readonly string[]): string {
  const runtime = files.filter((file) => file.startsWith("runtime/"));
  const own = files.filter((file) => !file.startsWith("runtime/"));
  return [...own, ...(runtime.length > 0 ? [`runtime/ (${runtime.length} file${runtime.length === 1 ? "" : "s"})`] : [])].join(", ");
}

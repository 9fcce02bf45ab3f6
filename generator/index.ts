/**
 * gen-client's programmatic API. `generate` returns the SDK's files in memory; `writeSdk` writes
 * them the way the CLI does; `checkSdk` is `--check`; `defineConfig` types a config file.
 */
export { generate, type GenerateOptions, type GeneratePhase, type GenerateResult } from "./generate.js";
export type { OperationSelector } from "./analyze/filter.js";
export { writeSdk, type WriteOptions, type WriteResult } from "./write/index.js";
export { defineConfig, type ApiConfig, type GenClientConfig } from "./config/schema.js";
export { checkSdk, formatCheckReport, type ChangeKind, type CheckReport, type FileChange, type SurfaceChange } from "./check/index.js";
export type { DatesMode, ValidationMode, ZodApi } from "./emit/context.js";
export type { RuntimeOption } from "./runtime-placement.js";
export type { EmittedFile } from "./emit/emitted-file.js";
export type { PaginationConfig, PaginationOption } from "./analyze/pagination/config.js";
export type { PaginationExplanation } from "./explain.js";
export { GenError, type ErrorCode, type SourceLocation, type Warning, type WarningCode } from "./errors.js";

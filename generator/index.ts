/**
 * gen-client's programmatic API. `generate` returns the SDK's files in memory; `writeSdk` writes
 * them the way the CLI does.
 */
export { generate, type GenerateOptions, type GenerateResult } from "./generate.js";
export { writeSdk, type WriteResult } from "./write.js";
export { checkSdk, formatCheckReport, type ChangeKind, type CheckReport, type FileChange, type SurfaceChange } from "./check/index.js";
export type { EmittedFile } from "./emit/index.js";
export type { PaginationConfig, PaginationExplanation, PaginationOption } from "./ir/pagination.js";
export { GenError, type ErrorCode, type SourceLocation, type Warning, type WarningCode } from "./errors.js";

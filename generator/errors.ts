/**
 * Every error and warning the generator reports, with a code a test can assert on. A `GenError`
 * is the only error the CLI prints without a stack trace: anything else is a bug in gen-client.
 */

export type ErrorCode =
  | "file-not-found"
  | "file-unreadable"
  | "syntax"
  | "not-openapi"
  | "unsupported-version"
  | "unresolved-ref"
  | "invalid-document"
  | "invalid-options"
  | "invalid-sdk-file"
  | "write-failed";

export interface SourceLocation {
  /** The document the problem is in, as the user named it. */
  readonly file: string;
  /** JSON pointer into that document, e.g. `#/paths/~1pets/get`. */
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
}

export class GenError extends Error {
  override readonly name = "GenError";
  readonly code: ErrorCode;
  readonly location: SourceLocation | undefined;

  constructor(code: ErrorCode, message: string, location?: SourceLocation) {
    super(message);
    this.code = code;
    this.location = location;
  }

  /** One line for a terminal: `file:line:column #/pointer: message`. */
  format(): string {
    return `${formatLocation(this.location)}${this.message}`;
  }
}

export type WarningCode =
  | "unsupported-schema"
  | "invalid-default"
  | "invalid-pattern"
  | "unsupported-media-type"
  | "renamed"
  | "ignored";

export interface Warning {
  readonly code: WarningCode;
  readonly message: string;
  readonly pointer: string;
}

export function formatWarning(file: string, warning: Warning): string {
  return `${formatLocation({ file, pointer: warning.pointer })}${warning.message}`;
}

function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return "";
  let where = location.file;
  if (location.line !== undefined) where += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) where += `:${location.column}`;
  if (location.pointer !== undefined) where += ` ${location.pointer}`;
  return `${where}: `;
}

/** Builds JSON pointers the way RFC 6901 escapes them. */
export function pointer(...segments: readonly (string | number)[]): string {
  return `#/${segments.map(escapeSegment).join("/")}`;
}

function escapeSegment(segment: string | number): string {
  const text = String(segment);
  // Built for every schema node of a big spec: most segments need no escaping.
  return text.includes("~") || text.includes("/") ? text.replaceAll("~", "~0").replaceAll("/", "~1") : text;
}

export function appendPointer(base: string, ...segments: readonly (string | number)[]): string {
  let result = base;
  for (const segment of segments) result += `/${escapeSegment(segment)}`;
  return result;
}

export function parsePointer(ref: string): string[] {
  const path = ref.startsWith("#") ? ref.slice(1) : ref;
  if (path === "") return [];
  return path
    .slice(1)
    .split("/")
    .map((s) => decodeURIComponent(s).replaceAll("~1", "/").replaceAll("~0", "~"));
}

/**
 * What reading a response needs to know about its call, and what reading a JSON body and reading a
 * stream's items share: interpret.ts and streaming/open-stream.ts both import it.
 */
import type { core } from "zod";
import { builtOnce } from "../built-once.js";
import type { ApiError } from "../errors/api-error.js";
import type { ValidationIssue } from "../errors/format-issues.js";
import type { CallContext } from "../errors/sdk-error.js";
import type { Log } from "../logging/log.js";
import type { OperationSpec, ResponseSpec, ValidationMode } from "../operation.js";
import type { Resumption } from "../streaming/byte-source.js";
import type { Stream } from "../streaming/stream.js";
import { unlistedValues } from "../unlisted.js";

export interface Interpreter {
  readonly operation: OperationSpec;
  /** Made on first use: see `Outgoing.context`. */
  readonly context: () => CallContext;
  readonly validate: ValidationMode;
  readonly log: Log;
  /** Fail on enum values and variants the spec did not list (an SDK generated with `--strict`). */
  readonly strict: boolean;
  /** Unlisted values already logged by this client, so each is reported once. */
  readonly reported: Set<string>;
  /** The SDK was generated with `dates: "date"`: bodies not validated still get their `Date`s. */
  readonly dates: boolean;
  /** Present when the operation may answer with a stream. */
  readonly streaming?: StreamingCall;
  readonly features: ReadingFeatures;
}

/**
 * The runtime parts reading a response may need, as features.ts provides them and an SDK passes
 * them in. Their signatures are declared here, not taken from the modules that implement them,
 * since those read responses through this module.
 */
export interface ReadingFeatures {
  /** `dates: "date"`: a body's date-time text as `Date`s, by its schema (response/revive-dates.ts). */
  readonly reviveDates?: (schema: core.$ZodType, value: unknown) => unknown;
  /** A JSON body checked against its schema (response/validate-body.ts). */
  readonly validation?: {
    readonly successBody: (value: unknown, spec: ResponseSpec, status: number, interpreter: Interpreter) => unknown;
    readonly errorBody: (value: unknown, spec: ResponseSpec, status: number, interpreter: Interpreter) => { value: unknown; bodyIssues: ApiError["bodyIssues"] };
  };
  readonly streams?: {
    readonly open: (response: Response, spec: ResponseSpec, interpreter: Interpreter, call: StreamingCall) => Stream<unknown>;
    readonly isStream: (value: unknown) => boolean;
  };
}

/** What a streaming call adds to reading its response. */
export interface StreamingCall {
  readonly signal: AbortSignal | undefined;
  readonly idleTimeout: number | false;
  /** Frees the call's concurrency slot. */
  readonly onClose: () => void;
  /** Present for operations whose SSE stream may be resumed after a break (GET: safe to send again). */
  readonly resumption?: Resumption;
}

/**
 * A body returned without zod's output (not validated, or not valid) as its type says: with
 * `dates: "date"`, date-time text becomes `Date`s (the schema is walked, not checked).
 */
export function asTyped(value: unknown, spec: ResponseSpec, interpreter: Interpreter): unknown {
  if (!interpreter.dates || spec.schema === undefined) return value;
  const revive = interpreter.features.reviveDates;
  if (revive === undefined) throw new TypeError('internal: an SDK generated with dates: "date" passes in reviveDates');
  // Generated SDKs hand over zod schemas only; `Validator` just spares tsc their full types.
  return revive(builtOnce(spec.schema) as core.$ZodType, value);
}

/**
 * Whether a body that failed validation only for enum values or discriminated variants the spec
 * did not list is accepted as it is; each such value is logged once per client.
 */
export function tolerated(issues: readonly ValidationIssue[], body: unknown, interpreter: Interpreter): boolean {
  if (interpreter.strict) return false;
  const values = unlistedValues(issues, body);
  if (values === undefined) return false;
  for (const value of values) {
    const key = `${interpreter.operation.id} ${value}`;
    if (interpreter.reported.has(key)) continue;
    interpreter.reported.add(key);
    interpreter.log.warn(`${interpreter.operation.id}: the response has a value the spec does not list (${value}); regenerate the SDK to type it`);
  }
  return true;
}

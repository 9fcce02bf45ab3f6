import type { core } from "zod";
import { builtOnce } from "../built-once.js";
import { ApiError } from "../errors/api-error.js";
import { customIssue } from "../errors/format-issues.js";
import { ResponseValidationError } from "../errors/response-validation-error.js";
import type { CallContext } from "../errors/sdk-error.js";
import type { Log } from "../logging/log.js";
import { isJsonMediaType } from "../media-type.js";
import type { OperationSpec, ResponseSpec } from "../operation.js";
import type { ValidationMode } from "../options.js";
import type { Received } from "../transport/send.js";
import { ReceivedApiResponse, type ApiResponse } from "./api-response.js";
import { bodyText, errorBody, parseJsonBody, type BufferedBody } from "./decode.js";
import { requestIdOf } from "./request-id.js";
import { isNullBodyStatus, isSuccess, selectResponseSpec } from "./select-spec.js";
import { check, type Checked } from "./validate.js";
import type { ValidationIssue } from "../errors/format-issues.js";
import { unlistedValues } from "../unlisted.js";
import type { StreamingCall } from "../streaming/open-stream.js";
import type { RuntimeFeatures } from "../features.js";

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
  readonly features: RuntimeFeatures;
}

/**
 * Turns the final response into the call's result, or throws `ApiError` for a status outside
 * 2xx. The declared response for the status decides how the body is read (see `ResponseKind`).
 */
export function interpret(received: Received, interpreter: Interpreter): ApiResponse<unknown> {
  const { response } = received;
  const spec = selectResponseSpec(interpreter.operation.responses, response.status);
  if (!isSuccess(response.status)) throw apiError(received, spec, interpreter);
  return new ReceivedApiResponse(successData(received, spec, interpreter), received);
}

function successData({ response, body }: Received, spec: ResponseSpec | undefined, interpreter: Interpreter): unknown {
  if (interpreter.operation.method === "HEAD" || isNullBodyStatus(response.status) || spec?.kind === "empty") return undefined;
  if (spec?.kind === "binary") return response;
  if (spec?.kind === "stream" && interpreter.streaming !== undefined) {
    const streams = interpreter.features.streams;
    if (streams === undefined) throw new TypeError("internal: a streamed response, in an SDK generated without streams");
    return streams.open(response, spec, interpreter, interpreter.streaming);
  }
  if (body === undefined || body.bytes.byteLength === 0) return undefined;
  if (spec?.kind === "text") return bodyText(body);
  if (spec === undefined) return undeclaredBody(body);

  const json = parseJsonBody(body);
  if (!json.ok) {
    throw new ResponseValidationError({
      ...interpreter.context(),
      status: response.status,
      issues: [customIssue([], `the body is not valid JSON (${json.reason})`)],
      body: json.text,
    });
  }
  if (json.value === undefined) return undefined;
  if (interpreter.validate === "off") return asTyped(json.value, spec, interpreter);
  const checked = check(spec.schema, json.value);
  if (checked.ok) return checked.value;
  if (tolerated(checked.issues, json.value, interpreter)) return asTyped(json.value, spec, interpreter);
  const error = new ResponseValidationError({ ...interpreter.context(), status: response.status, issues: checked.issues, body: json.value });
  if (interpreter.validate === "strict") throw error;
  interpreter.log.warn(error.message);
  return asTyped(json.value, spec, interpreter);
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

/** A 2xx the spec does not declare: read by its Content-Type, not validated. */
function undeclaredBody(body: BufferedBody): unknown {
  if (!isJsonMediaType(body.contentType)) return bodyText(body);
  const json = parseJsonBody(body);
  return json.ok ? json.value : json.text;
}

/**
 * Error bodies are validated like successful ones, but a mismatch never hides the API's answer:
 * with `'strict'` the ApiError is still thrown, its `bodyIssues` set (so `isError()` is false,
 * the body not being what the type says); with `'warn'` the mismatch is logged.
 */
function apiError({ response, body }: Received, spec: ResponseSpec | undefined, interpreter: Interpreter): ApiError {
  let value = body === undefined ? undefined : errorBody(body, spec?.kind);
  let bodyIssues: ApiError["bodyIssues"];
  if (spec?.kind === "json" && spec.schema !== undefined && value !== undefined) {
    const checked: Checked | undefined = interpreter.validate === "off" ? undefined : check(spec.schema, value);
    if (checked?.ok) value = checked.value;
    else {
      // Kept as received (with its Dates): unchecked, only values the spec did not list differ, or a mismatch.
      if (checked !== undefined && !tolerated(checked.issues, value, interpreter)) {
        if (interpreter.validate === "strict") bodyIssues = checked.issues;
        else {
          const mismatch = new ResponseValidationError({ ...interpreter.context(), status: response.status, issues: checked.issues, body: value });
          interpreter.log.warn(mismatch.message);
        }
      }
      value = asTyped(value, spec, interpreter);
    }
  }
  return new ApiError({ ...interpreter.context(), status: response.status, body: value, response, requestId: requestIdOf(response.headers), bodyIssues });
}

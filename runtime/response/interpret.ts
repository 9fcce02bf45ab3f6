import { ApiError } from "../errors/api-error.js";
import { customIssue } from "../errors/format-issues.js";
import { ResponseValidationError } from "../errors/response-validation-error.js";
import { isJsonMediaType } from "../media-type.js";
import type { ResponseSpec } from "../operation.js";
import type { Received } from "../transport/send.js";
import { ReceivedApiResponse, type ApiResponse } from "./api-response.js";
import { bodyText, errorBody, parseJsonBody, type BufferedBody } from "./decode.js";
import { requestIdOf } from "./request-id.js";
import { isNullBodyStatus, isSuccess, selectResponseSpec } from "./select-spec.js";
import { check, type Checked } from "./validate.js";
import { asTyped, tolerated, type Interpreter } from "./interpreter.js";

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

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
import { asTyped, type Interpreter, type ReadingFeatures } from "./interpreter.js";

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
  return validation(interpreter).successBody(json.value, spec, response.status, interpreter);
}

/** A 2xx the spec does not declare: read by its Content-Type, not validated. */
function undeclaredBody(body: BufferedBody): unknown {
  if (!isJsonMediaType(body.contentType)) return bodyText(body);
  const json = parseJsonBody(body);
  return json.ok ? json.value : json.text;
}

/** Error bodies are validated like successful ones (see `validErrorBody`). */
function apiError({ response, body }: Received, spec: ResponseSpec | undefined, interpreter: Interpreter): ApiError {
  let value = body === undefined ? undefined : errorBody(body, spec?.kind);
  let bodyIssues: ApiError["bodyIssues"];
  if (spec?.kind === "json" && spec.schema !== undefined && value !== undefined) {
    if (interpreter.validate === "off") value = asTyped(value, spec, interpreter);
    else ({ value, bodyIssues } = validation(interpreter).errorBody(value, spec, response.status, interpreter));
  }
  return new ApiError({ ...interpreter.context(), status: response.status, body: value, response, requestId: requestIdOf(response.headers), bodyIssues });
}

/** Passed in by SDKs that have validators; the core refuses to validate without (see `assertValidators`). */
function validation(interpreter: Interpreter): NonNullable<ReadingFeatures["validation"]> {
  const feature = interpreter.features.validation;
  if (feature === undefined) throw new TypeError("internal: validating a response, in an SDK generated without validators");
  return feature;
}

import { customIssue } from "../errors/format-issues.js";
import { ResponseValidationError } from "../errors/response-validation-error.js";
import type { ResponseSpec } from "../operation.js";
import { asTyped, tolerated, type Interpreter, type StreamingCall } from "../response/interpreter.js";
import { check } from "../response/validate.js";
import { ByteSource } from "./byte-source.js";
import { Stream } from "./stream.js";

/** The `Stream` of a successful streaming response (`spec.kind === "stream"`). */
export function openStream(response: Response, spec: ResponseSpec, interpreter: Interpreter, call: StreamingCall): Stream<unknown> {
  const source = new ByteSource({
    body: response.body ?? new ReadableStream({ start: (controller) => controller.close() }),
    context: interpreter.context,
    idleTimeout: call.idleTimeout,
    signal: call.signal,
    onClose: call.onClose,
    ...(spec.format === "sse" && call.resumption && { resumption: call.resumption }),
  });
  const item = (text: string, event: string | undefined): unknown => {
    if (spec.text === true) return text;
    const data = parsed(text);
    const { json } = data;
    const value = spec.events === true ? { event, data: data.value } : data.value;
    if (interpreter.validate === "off") return asTyped(value, spec, interpreter);
    const checked = check(spec.schema, value);
    if (checked.ok) return checked.value;
    if (tolerated(checked.issues, value, interpreter)) return asTyped(value, spec, interpreter);
    const issues = !json ? [customIssue([], `item ${source.items} is not valid JSON`)] : checked.issues;
    const error = new ResponseValidationError({ ...interpreter.context(), status: response.status, issues, body: value });
    if (interpreter.validate === "strict") throw error;
    interpreter.log.warn(`item ${source.items}: ${error.message}`);
    return asTyped(value, spec, interpreter);
  };
  return new Stream({ response, source, format: spec.format ?? "jsonl", item });
}

/**
 * An item's JSON value. Text that is no JSON stays text, for its schema to accept or refuse: a
 * stream of plain-text events whose schema is a string works, and otherwise `validate: 'strict'`
 * says the item is not JSON.
 */
function parsed(text: string): { readonly value: unknown; readonly json: boolean } {
  try {
    return { value: JSON.parse(text) as unknown, json: true };
  } catch {
    return { value: text, json: false };
  }
}

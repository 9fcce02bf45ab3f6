/**
 * The end of a call whose response may be a stream: part of the streams feature (see
 * `RuntimeFeatures.streams`), so that an SDK whose spec streams nothing bundles none of it.
 */
import type { ApiResponse } from "../response/api-response.js";
import { interpret } from "../response/interpret.js";
import type { Interpreter, StreamingCall } from "../response/interpreter.js";
import { isSuccess } from "../response/select-spec.js";
import { retryDelay, type RetryPolicy } from "../transport/retry-policy.js";
import type { Received } from "../transport/send.js";

export interface StreamCall {
  readonly signal: AbortSignal | undefined;
  readonly idleTimeout: number | false;
  /** Frees the call's concurrency slot, once its stream is closed. */
  readonly onClose: () => void;
  readonly retry: RetryPolicy;
  /** The request's headers, which a resumption sends again with `Last-Event-ID`. */
  readonly headers: Headers | undefined;
  /** Sends the request again (with credentials), with these headers. */
  readonly resend: (headers: Headers) => Promise<Received>;
}

/** Reads the final response, as a stream if it is one; only a GET, or an operation marked resumable, is safe to send again unasked to resume its SSE stream. */
export function readStreamingCall(received: Received, interpreter: Interpreter, call: StreamCall): ApiResponse<unknown> {
  const { operation } = interpreter;
  const reopen = async (lastEventId: string): Promise<Response> => {
    const resumeHeaders = new Headers(call.headers);
    resumeHeaders.set("last-event-id", lastEventId);
    const again = await call.resend(resumeHeaders);
    // An error status is the API's answer (an ApiError); a success is read as the stream it continues.
    if (!isSuccess(again.response.status)) interpret(again, interpreter);
    return again.response;
  };
  const { retry } = call;
  const streaming: StreamingCall = {
    signal: call.signal,
    idleTimeout: call.idleTimeout,
    onClose: call.onClose,
    ...((operation.method === "GET" || operation.resumable === true) && { resumption: { limit: retry.limit, delay: (attempt: number) => retryDelay(retry, attempt, { kind: "connection" }), reopen } }),
  };
  return interpret(received, { ...interpreter, streaming });
}

import { formatIssues } from "../errors/format-issues.js";
import type { ResponseSpec } from "../operation.js";
import { check } from "../response/validate.js";
import type { StreamFormat } from "../streaming/frames.js";

/**
 * What a mock answers a streaming operation with: its items (an array), or a script of steps
 * (`StreamScript`) for what tests of streams need: SSE `id`s, event names and `retry` delays,
 * pauses between items, and a connection that drops mid-stream.
 */
export interface StreamScript<I> {
  readonly stream: readonly StreamStep<I>[];
}

export type StreamStep<I> =
  /** One item; for SSE with the event's `id`, `event` name and `retry` delay. */
  | { readonly item: I; readonly id?: string; readonly event?: string; readonly retry?: number }
  /** A pause, in milliseconds, before the next step. */
  | { readonly delay: number }
  /** The connection drops here (fetch's body fails as on a reset): the SDK sees a broken stream. */
  | { readonly drop: true };

type Step = StreamStep<unknown>;

/** The steps of a stream reply: an array's items, or the script's steps. */
export function streamSteps(body: unknown): readonly Step[] | undefined {
  if (Array.isArray(body)) return body.map((item: unknown) => ({ item }));
  if (typeof body === "object" && body !== null && "stream" in body && Array.isArray(body.stream)) return body.stream as Step[];
  return undefined;
}

/** Why a stream reply does not fit the operation's item schema, or undefined when it does. */
export function invalidStream(spec: ResponseSpec, body: unknown): string | undefined {
  const steps = streamSteps(body);
  if (steps === undefined) return "a streaming response needs an array of items or { stream: [...] }";
  let index = 0;
  for (const step of steps) {
    if (!("item" in step)) continue;
    index++;
    if (spec.text === true) {
      if (typeof step.item !== "string") return `item ${index}: a text event needs a string`;
      continue;
    }
    const checked = check(spec.schema, step.item);
    if (!checked.ok) return `item ${index}: ${formatIssues(checked.issues)}`;
  }
  return undefined;
}

export const STREAM_CONTENT_TYPES: Readonly<Record<StreamFormat, string>> = {
  sse: "text/event-stream",
  jsonl: "application/jsonl",
  "json-seq": "application/json-seq",
};

/** The reply's bytes, step by step, framed as the operation's stream format. */
export function streamBody(spec: ResponseSpec, body: unknown): ReadableStream<Uint8Array> {
  const steps = streamSteps(body) ?? [];
  const format = spec.format ?? "jsonl";
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const step = steps[next++];
      if (step === undefined) return controller.close();
      if ("delay" in step) await new Promise((resolve) => setTimeout(resolve, step.delay));
      else if ("drop" in step) controller.error(new TypeError("terminated", { cause: new Error("connection dropped by the mock's stream script") }));
      else controller.enqueue(encoder.encode(frame(format, spec.text === true, step)));
    },
  });
}

function frame(format: StreamFormat, text: boolean, step: Extract<Step, { item: unknown }>): string {
  const data = text ? String(step.item) : JSON.stringify(step.item);
  if (format === "jsonl") return `${data}\n`;
  if (format === "json-seq") return `\x1e${data}\n`;
  const fields = [
    ...(step.id === undefined ? [] : [`id: ${step.id}`]),
    ...(step.event === undefined ? [] : [`event: ${step.event}`]),
    ...(step.retry === undefined ? [] : [`retry: ${step.retry}`]),
    ...data.split(/\r\n|\r|\n/).map((line) => `data: ${line}`),
  ];
  return `${fields.join("\n")}\n\n`;
}

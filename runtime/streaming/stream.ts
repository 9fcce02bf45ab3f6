import { SdkError } from "../errors/sdk-error.js";
import { ByteSource } from "./byte-source.js";
import { records, serverSentEvents, type StreamFormat } from "./frames.js";
import type { ServerSentEvent } from "./sse-parser.js";

/** What `Stream` is made of; see `openStream`. */
export interface StreamParts {
  readonly response: Response;
  readonly source: ByteSource;
  readonly format: StreamFormat;
  /** One item from its text (and an SSE event's name): parsed and validated (it may throw). */
  readonly item: (text: string, event: string | undefined) => unknown;
}

/** An SSE `data` that ends the stream, as OpenAI's and others' streams end; it is no JSON value, so it cannot be an item. */
const DONE = "[DONE]";

/**
 * A streaming response (Server-Sent Events, JSON Lines / NDJSON, or a JSON text sequence): an
 * async iterable of its items, each parsed and checked against the spec's item schema as the
 * client's `validate` option says. It can be read once, by one of `for await`, `events()`,
 * `toArray()` or `toReadableStream()`.
 *
 * The call's concurrency slot and connection are held until the stream is read to its end,
 * broken out of (`break`, `return`, a thrown error), `close()`d, or its call's `signal` aborts:
 * each of these closes the connection at once. The call's `timeout` is the wait for the response
 * to start; the stream then fails with `TimeoutError` only when no bytes arrive for
 * `streamIdleTimeout` (by default the same `timeout`), and with `ConnectionError` when the
 * connection breaks; both name how many items had arrived.
 *
 * @example
 * ```
 * const stream = await api.createCompletion({ body: { prompt: "hi", stream: true } });
 * for await (const chunk of stream) console.log(chunk);
 * ```
 */
export class Stream<T> implements AsyncIterable<T> {
  /** The HTTP response; its body is what the stream reads. */
  readonly response: Response;
  readonly #parts: StreamParts;
  #read = false;

  constructor(parts: StreamParts) {
    this.response = parts.response;
    this.#parts = parts;
  }

  get status(): number {
    return this.response.status;
  }

  get headers(): Headers {
    return this.response.headers;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    this.#start();
    return this.#items();
  }

  /**
   * The raw server-sent events (`event`, `data`, `id`, `retry`), not parsed nor validated; for SSE
   * streams only. Comments (keep-alives) are skipped.
   */
  events(): AsyncIterable<ServerSentEvent> {
    if (this.#parts.format !== "sse") throw new SdkError(`events() reads Server-Sent Events; this stream is ${this.#parts.format}`);
    this.#start();
    return this.#closing(serverSentEvents(this.#parts.source));
  }

  /** Every item, once the stream has ended: for small streams. */
  async toArray(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }

  /**
   * The items as a byte stream of JSON Lines (one JSON text per item, each ending with LF), e.g. to
   * send on from a server route; cancelling it closes this stream.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const items = this[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await items.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
      },
      async cancel() {
        await items.return?.();
      },
    });
  }

  /** Closes the connection and frees the call's slot; iteration in progress ends. */
  close(): void {
    this.#parts.source.close();
  }

  #start(): void {
    if (this.#read) throw new SdkError("this stream has already been read: a response body can be read only once");
    this.#read = true;
  }

  async *#items(): AsyncGenerator<T> {
    const { source, format, item } = this.#parts;
    try {
      if (format === "sse") {
        for await (const event of serverSentEvents(source)) {
          if (event.data === DONE) return;
          yield item(event.data, event.event) as T;
        }
      } else {
        for await (const record of records(source, format === "jsonl" ? "\n" : "\x1e")) yield item(record, undefined) as T;
      }
    } finally {
      source.close();
    }
  }

  async *#closing<E>(events: AsyncIterable<E>): AsyncGenerator<E> {
    try {
      yield* events;
    } finally {
      this.#parts.source.close();
    }
  }
}

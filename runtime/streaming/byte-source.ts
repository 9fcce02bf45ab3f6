import { ConnectionError } from "../errors/connection-error.js";
import { SdkError, type CallContext } from "../errors/sdk-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { sleep } from "../transport/abort.js";

export interface ByteSourceInit {
  readonly body: ReadableStream<Uint8Array>;
  readonly context: () => CallContext;
  /** The longest wait for the next bytes, in milliseconds (`false`: no limit). */
  readonly idleTimeout: number | false;
  readonly signal: AbortSignal | undefined;
  /** Called once, when the body is closed: read to its end, cancelled, failed or aborted. */
  readonly onClose: () => void;
  /** Present when a broken stream may be resumed: see `resume`. */
  readonly resumption?: Resumption;
}

/** How a broken SSE stream is resumed (GET operations only: see `StreamingCall.resumption`). */
export interface Resumption {
  /** How many times in a row it may be resumed without an event arriving in between. */
  readonly limit: number;
  /** The wait before the `attempt`th resumption (from 1) when the server set no `retry:` delay. */
  readonly delay: (attempt: number) => number;
  /** Sends the request again with `Last-Event-ID`; resolves with the new successful response. */
  readonly reopen: (lastEventId: string) => Promise<Response>;
}

const IDLE = Symbol("idle");

/**
 * A streaming response body, read chunk by chunk. Each read waits at most the idle timeout; a
 * failed read is the SDK's error, naming how many items had arrived (counted by the reader
 * through `itemArrived`). Closing it cancels the body, which closes the connection at once, and
 * frees the call's concurrency slot; the caller's abort closes it too.
 */
export class ByteSource {
  #items = 0;
  #closed = false;
  #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #init: ByteSourceInit;
  readonly #onAbort = (): void => this.close();
  readonly resumption: Resumption | undefined;

  constructor(init: ByteSourceInit) {
    this.#init = init;
    this.#reader = init.body.getReader();
    init.signal?.addEventListener("abort", this.#onAbort, { once: true });
    this.resumption = init.resumption;
    if (init.signal?.aborted) this.close();
  }

  get items(): number {
    return this.#items;
  }

  itemArrived(): void {
    this.#items++;
  }

  /** The next chunk; `undefined` at the end. Rejects with the caller's abort reason, `TimeoutError` or `ConnectionError`. */
  async read(): Promise<Uint8Array | undefined> {
    const { signal, idleTimeout } = this.#init;
    if (signal?.aborted) throw signal.reason;
    if (this.#closed) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const next = this.#reader.read();
      const result =
        idleTimeout === false
          ? await next
          : await Promise.race([next, new Promise<typeof IDLE>((resolve) => (timer = setTimeout(() => resolve(IDLE), idleTimeout)))]);
      if (result === IDLE) throw this.#idle(idleTimeout === false ? 0 : idleTimeout);
      if (signal?.aborted) throw signal.reason;
      if (result.done) {
        this.close();
        return undefined;
      }
      return result.value;
    } catch (error) {
      // Not closed here: a broken stream may be resumed, and its readers close it when they stop.
      if (signal?.aborted) throw signal.reason;
      if (error instanceof TimeoutError) throw error;
      throw new ConnectionError({ ...this.#init.context(), attempts: 1, cause: error, items: this.#items });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Waits `delay` ms, then reads on from a new response to the same request with `Last-Event-ID`.
   * A failure to get one is a `ConnectionError` naming the items received, or the API's error.
   */
  async resume(lastEventId: string, delay: number): Promise<void> {
    const { signal, resumption } = this.#init;
    if (resumption === undefined) throw new TypeError("internal: this stream cannot be resumed");
    await sleep(delay, signal);
    let response: Response;
    try {
      response = await resumption.reopen(lastEventId);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof SdkError && !(error instanceof ConnectionError) && !(error instanceof TimeoutError)) throw error;
      throw new ConnectionError({ ...this.#init.context(), attempts: 1, cause: error, items: this.#items });
    }
    this.#reader.cancel().catch(() => undefined);
    this.#reader = (response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() })).getReader();
    if (this.#closed) this.#reader.cancel().catch(() => undefined);
  }

  #idle(timeout: number): TimeoutError {
    return new TimeoutError({ ...this.#init.context(), timeout, attempts: 1, items: this.#items });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#init.signal?.removeEventListener("abort", this.#onAbort);
    this.#reader.cancel().catch(() => undefined);
    this.#init.onClose();
  }
}

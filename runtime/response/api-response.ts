import type { Received } from "../transport/send.js";
import { rereadable } from "./rereadable.js";

/** A successful call's result with the response it came from, from `endpoint.withResponse()`. */
export interface ApiResponse<R> {
  /** What the endpoint itself resolves with. */
  readonly data: R;
  readonly status: number;
  readonly headers: Headers;
  /** The response; for JSON and text its body has been read into `data`, but may be read again. */
  readonly response: Response;
}

/**
 * The `ApiResponse` of a received response; `response` is made on first read (see `rereadable`).
 * A class, so that the getter lives on the prototype: V8 builds an object literal with a getter
 * of its own on a slow path, as a dictionary-mode object, and doing that on every call cost about
 * a fifth of the call's CPU time in the in-process bench.
 */
export class ReceivedApiResponse implements ApiResponse<unknown> {
  readonly data: unknown;
  readonly status: number;
  readonly headers: Headers;
  readonly #received: Received;
  #readable: Response | undefined;

  constructor(data: unknown, received: Received) {
    this.data = data;
    this.status = received.response.status;
    this.headers = received.response.headers;
    this.#received = received;
  }

  get response(): Response {
    return (this.#readable ??= rereadable(this.#received.response, this.#received.body));
  }
}

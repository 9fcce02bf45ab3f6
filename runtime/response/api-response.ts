/** A successful call's result with the response it came from, from `endpoint.withResponse()`. */
export interface ApiResponse<R> {
  /** What the endpoint itself resolves with. */
  readonly data: R;
  readonly status: number;
  readonly headers: Headers;
  /** The response; for JSON and text its body has been read into `data`, but may be read again. */
  readonly response: Response;
}

/** A request body ready for fetch: what every body encoder returns (see body.ts). */
export interface EncodedBody {
  readonly body: BodyInit;
  /** `undefined` lets fetch choose it (form and multipart bodies, with the boundary for the latter). */
  readonly contentType: string | undefined;
  /** A `ReadableStream` body can be sent only once: it is neither retried nor replayed. */
  readonly streaming: boolean;
}

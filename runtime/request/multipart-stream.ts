/** One part of a multipart body: a text field, or a file's contents. */
export interface MultipartPart {
  readonly name: string;
  readonly value: string | Blob | ReadableStream<Uint8Array>;
  /** The Content-Type of a stream part (Blobs carry their own). */
  readonly type?: string;
}

// Pure: this module is reached from features.ts, which every SDK with a runtime feature imports.
const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * A `multipart/form-data` body as a stream, for parts FormData cannot hold (a `ReadableStream`):
 * each part is read only as fetch sends it, so an upload of any size is never held in memory.
 * Encoded as FormData is (RFC 7578): a Blob part is named like a File's name or `blob`, and so is
 * a stream part.
 *
 * @see https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart-form-data
 */
export function multipartStream(parts: readonly MultipartPart[]): { readonly body: ReadableStream<Uint8Array>; readonly contentType: string } {
  const boundary = `----gen-client-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
  const chunks = encode(parts, boundary);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function* encode(parts: readonly MultipartPart[], boundary: string): AsyncGenerator<Uint8Array, void, undefined> {
  for (const part of parts) {
    const { name, value } = part;
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"`;
    if (typeof value === "string") {
      yield encoder.encode(`${head}\r\n\r\n${value}\r\n`);
      continue;
    }
    const type = value instanceof Blob ? value.type || "application/octet-stream" : (part.type ?? "application/octet-stream");
    head += `; filename="${escapeName(value instanceof File ? value.name : "blob")}"\r\nContent-Type: ${type}\r\n\r\n`;
    yield encoder.encode(head);
    yield* read(value instanceof Blob ? value.stream() : value);
    yield encoder.encode("\r\n");
  }
  yield encoder.encode(`--${boundary}--\r\n`);
}

async function* read(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = stream.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) yield chunk.value;
  } finally {
    reader.releaseLock();
  }
}

/** Names and file names go in quotes: line breaks and quotes are percent-encoded, as browsers do. */
function escapeName(name: string): string {
  return name.replaceAll("\n", "%0A").replaceAll("\r", "%0D").replaceAll('"', "%22");
}

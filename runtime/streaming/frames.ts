import { ConnectionError } from "../errors/connection-error.js";
import type { ByteSource } from "./byte-source.js";
import type { StreamFormat } from "../operation.js";
import { SseParser, type ServerSentEvent } from "./sse-parser.js";

export type { StreamFormat };

/**
 * The SSE events of a body, as they arrive. When the connection breaks after the server gave an
 * event ID and the source may resume, the stream goes on from a new request with `Last-Event-ID`
 * after the server's `retry:` delay (or the client's backoff): the event cut short is dropped, so
 * the server's resumption after that ID gives each event once.
 */
export async function* serverSentEvents(source: ByteSource): AsyncGenerator<ServerSentEvent> {
  let decoder = new TextDecoder();
  let arrived: ServerSentEvent[] = [];
  const parser = new SseParser((event) => arrived.push(event));
  /** Resumptions since the last event arrived. */
  let resumed = 0;
  for (;;) {
    let chunk: Uint8Array | undefined;
    try {
      chunk = await source.read();
    } catch (error) {
      const { resumption } = source;
      const lastEventId = parser.lastEventId;
      if (!(error instanceof ConnectionError) || resumption === undefined || lastEventId === undefined || resumed >= resumption.limit) throw error;
      resumed++;
      await source.resume(lastEventId, parser.reconnectionTime ?? resumption.delay(resumed));
      parser.discardPending();
      decoder = new TextDecoder();
      continue;
    }
    if (chunk === undefined) break;
    parser.feed(decoder.decode(chunk, { stream: true }));
    if (arrived.length === 0) continue;
    const events = arrived;
    arrived = [];
    resumed = 0;
    for (const event of events) {
      source.itemArrived();
      yield event;
    }
  }
  parser.feed(decoder.decode());
}

/**
 * The records of a JSON Lines / NDJSON body (split at LF, a CR before it dropped, blank lines
 * skipped; the last line may lack its LF) or of a JSON text sequence (RFC 7464: each record starts
 * with RS). Only the incomplete last record is held, so memory stays constant however long the body.
 */
export async function* records(source: ByteSource, separator: "\n" | "\x1e"): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = "";
  for (let chunk = await source.read(); chunk !== undefined; chunk = await source.read()) {
    const text = pending + decoder.decode(chunk, { stream: true });
    const parts = text.split(separator);
    pending = parts.pop() ?? "";
    for (const part of parts) {
      const record = part.trim();
      if (record === "") continue;
      source.itemArrived();
      yield record;
    }
  }
  const last = (pending + decoder.decode()).trim();
  if (last !== "") {
    source.itemArrived();
    yield last;
  }
}

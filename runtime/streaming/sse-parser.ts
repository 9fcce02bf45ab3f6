/** One server-sent event, as dispatched by the WHATWG event stream parser. */
export interface ServerSentEvent {
  /** The `event:` field; `"message"` when the event named none. */
  readonly event: string;
  /** The `data:` lines, joined with `\n`. */
  readonly data: string;
  /** The last event ID the stream set (it carries over to later events), if any. */
  readonly id: string | undefined;
  /** The `retry:` delay in milliseconds, if this event set one. */
  readonly retry: number | undefined;
}

/**
 * The WHATWG event stream parsing rules (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation),
 * fed text as it arrives: lines end at CR, LF or CRLF (a CR at the end of one chunk and an LF at
 * the start of the next are one line end); comments (`:` lines, which servers send as
 * keep-alives) are skipped; `data` lines are joined with LF; an `id` holding NUL is ignored; a
 * blank line dispatches the event unless its data is empty. At the end of the stream an event
 * not yet ended by a blank line is discarded, as the standard says: it may be cut short.
 *
 * Written here rather than taken from `eventsource-parser`, which it matches on a table of WHATWG
 * cases (test/e2e/streaming.test.ts) but one: that holds back a stream's final CR, and so its last
 * event, waiting for an LF. Above all, the runtime is copied into every SDK, and each package it
 * imports is one more that every SDK user has to install, streaming or not.
 * The BOM the standard strips is already gone: `TextDecoder` drops it.
 */
export class SseParser {
  #pending = "";
  #afterCr = false;
  #data: string[] = [];
  #event = "";
  /** The ID of the event in progress, which becomes the last event ID at its blank line. */
  #idBuffer: string | undefined;
  #lastEventId: string | undefined;
  #retry: number | undefined;
  #reconnectionTime: number | undefined;
  readonly #dispatch: (event: ServerSentEvent) => void;

  constructor(dispatch: (event: ServerSentEvent) => void) {
    this.#dispatch = dispatch;
  }

  /** The latest `retry:` delay of the stream, in milliseconds, whether or not an event followed it. */
  get reconnectionTime(): number | undefined {
    return this.#reconnectionTime;
  }

  /** The ID of the last event ended by a blank line, for `Last-Event-ID`. */
  get lastEventId(): string | undefined {
    return this.#lastEventId;
  }

  /**
   * Forgets the event in progress and any partial line, as a reconnection does; the last event ID
   * and the reconnection time are kept.
   */
  discardPending(): void {
    this.#pending = "";
    this.#afterCr = false;
    this.#data = [];
    this.#event = "";
    this.#retry = undefined;
    this.#idBuffer = this.#lastEventId;
  }

  feed(text: string): void {
    let start = 0;
    if (this.#afterCr && text.startsWith("\n")) start = 1;
    this.#afterCr = false;
    for (let index = start; index < text.length; index++) {
      const char = text.charCodeAt(index);
      if (char !== 10 && char !== 13) continue;
      const line = this.#pending + text.slice(start, index);
      this.#pending = "";
      this.#line(line);
      if (char === 13) {
        if (index + 1 === text.length) this.#afterCr = true;
        else if (text.charCodeAt(index + 1) === 10) index++;
      }
      start = index + 1;
    }
    if (start < text.length) this.#pending += text.slice(start);
  }

  #line(line: string): void {
    if (line === "") return this.#end();
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        this.#event = value;
        break;
      case "data":
        this.#data.push(value);
        break;
      case "id":
        if (!value.includes("\0")) this.#idBuffer = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.#retry = this.#reconnectionTime = Number(value);
        break;
    }
  }

  #end(): void {
    this.#lastEventId = this.#idBuffer;
    const { length } = this.#data;
    const retry = this.#retry;
    const event = this.#event;
    this.#retry = undefined;
    this.#event = "";
    if (length === 0) return;
    const data = length === 1 ? (this.#data[0] as string) : this.#data.join("\n");
    this.#data = [];
    this.#dispatch({ event: event === "" ? "message" : event, data, id: this.#lastEventId, retry });
  }
}

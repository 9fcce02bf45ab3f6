import { brand, CallError, type CallContext } from "./sdk-error.js";
import { attemptsText, itemsText } from "./timeout-error.js";

export interface ConnectionErrorInit extends CallContext {
  readonly attempts: number;
  /** The network error from `fetch`, e.g. a refused connection or a reset in the middle of a body. */
  readonly cause: unknown;
  /** Set when a streaming response broke: how many of its items (or events) had arrived. */
  readonly items?: number;
}

/** No usable response: the connection failed, or broke while the response body was read. */
export class ConnectionError extends CallError {
  static {
    brand(this, "ConnectionError");
  }

  override readonly name = "ConnectionError";
  readonly attempts: number;
  /** Set when a streaming response broke: how many of its items (or events) had arrived. */
  readonly items: number | undefined;

  constructor(init: ConnectionErrorInit) {
    const what = init.items === undefined ? "failed to connect" : `stream broke after ${itemsText(init.items)}`;
    super(`${init.method} ${init.url} ${what}: ${describeCause(init.cause)} (${init.operation}, ${attemptsText(init.attempts)})`, init, {
      cause: init.cause,
    });
    this.attempts = init.attempts;
    this.items = init.items;
  }
}

/** fetch's own message is a bland "fetch failed"; the reason (ECONNREFUSED, "other side closed") is in the causes. */
function describeCause(cause: unknown): string {
  const messages: string[] = [];
  for (let error = cause, depth = 0; error instanceof Error && depth < 4; error = error.cause, depth++) {
    if (error.message && !messages.includes(error.message)) messages.push(error.message);
  }
  return messages.length > 0 ? messages.join(": ") : "network error";
}

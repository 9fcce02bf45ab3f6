import { brand, CallError, type CallContext } from "./sdk-error.js";

export interface TimeoutErrorInit extends CallContext {
  /** The per-attempt timeout in milliseconds. */
  readonly timeout: number;
  readonly attempts: number;
  /** Set when a streaming response went idle: how many of its items (or events) had arrived. */
  readonly items?: number;
}

/** Every attempt of a call ran past the per-attempt `timeout` (retries included). */
export class TimeoutError extends CallError {
  static {
    brand(this, "TimeoutError");
  }

  override readonly name = "TimeoutError";
  readonly timeout: number;
  readonly attempts: number;
  /** Set when a streaming response went idle: how many of its items (or events) had arrived. */
  readonly items: number | undefined;

  constructor(init: TimeoutErrorInit) {
    const what = init.items === undefined ? `timed out after ${init.timeout} ms` : `stream sent nothing for ${init.timeout} ms after ${itemsText(init.items)}`;
    super(`${init.method} ${init.url} ${what} (${init.operation}, ${attemptsText(init.attempts)})`, init);
    this.timeout = init.timeout;
    this.attempts = init.attempts;
    this.items = init.items;
  }
}

export function itemsText(items: number): string {
  return `${items} item${items === 1 ? "" : "s"}`;
}

export function attemptsText(attempts: number): string {
  return `${attempts} attempt${attempts === 1 ? "" : "s"}`;
}

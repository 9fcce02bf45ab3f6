import { brand, CallError, type CallContext } from "./sdk-error.js";

export interface TimeoutErrorInit extends CallContext {
  /** The per-attempt timeout in milliseconds. */
  readonly timeout: number;
  readonly attempts: number;
}

/** Every attempt of a call ran past the per-attempt `timeout` (retries included). */
export class TimeoutError extends CallError {
  static {
    brand(this, "TimeoutError");
  }

  override readonly name = "TimeoutError";
  readonly timeout: number;
  readonly attempts: number;

  constructor(init: TimeoutErrorInit) {
    super(`${init.method} ${init.url} timed out after ${init.timeout} ms (${init.operation}, ${attemptsText(init.attempts)})`, init);
    this.timeout = init.timeout;
    this.attempts = init.attempts;
  }
}

export function attemptsText(attempts: number): string {
  return `${attempts} attempt${attempts === 1 ? "" : "s"}`;
}

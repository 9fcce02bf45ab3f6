import type { Logger, LogLevel } from "../options.js";

type Level = Exclude<LogLevel, "off">;

const SEVERITY: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

/**
 * The client's logger behind its level: lines below `logLevel` are dropped, every line is
 * prefixed with the API's title so several clients can share one logger.
 */
export class Log {
  readonly #logger: Logger;
  readonly #threshold: number;
  readonly #prefix: string;

  constructor(logger: Logger, level: LogLevel, title: string) {
    this.#logger = logger;
    this.#threshold = SEVERITY[level];
    this.#prefix = `[${title}] `;
  }

  /** Lets callers skip building a line nobody will see. */
  enabled(level: Level): boolean {
    return SEVERITY[level] >= this.#threshold;
  }

  debug(message: string): void {
    if (this.enabled("debug")) this.#logger.debug(this.#prefix + message);
  }

  info(message: string): void {
    if (this.enabled("info")) this.#logger.info(this.#prefix + message);
  }

  warn(message: string): void {
    if (this.enabled("warn")) this.#logger.warn(this.#prefix + message);
  }

  error(message: string): void {
    if (this.enabled("error")) this.#logger.error(this.#prefix + message);
  }
}

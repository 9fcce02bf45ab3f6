import { styleText } from "node:util";
import { formatWarning, type GenError, type Warning } from "../errors.js";
import { packageVersion } from "../package-files.js";

export type Verbosity = "quiet" | "normal" | "verbose";

type Style = Parameters<typeof styleText>[0];

/**
 * Everything the CLI prints. Results go to stdout (one summary line per API); errors, warnings,
 * progress and verbose detail to stderr. Progress is drawn only on an interactive terminal outside
 * CI, so logs stay to the summary. Colors come from `styleText`, which drops them when the stream
 * is not a TTY and honours NO_COLOR and FORCE_COLOR.
 */
export class Reporter {
  readonly verbosity: Verbosity;
  readonly #progress: boolean;
  #drawn = false;

  constructor(verbosity: Verbosity) {
    this.verbosity = verbosity;
    this.#progress = verbosity !== "quiet" && process.stderr.isTTY === true && !process.env.CI;
  }

  /** Replaces the progress line, e.g. `petstore: emit…`. */
  progress(label: string, step: string): void {
    if (!this.#progress) return;
    process.stderr.write(`\r\x1b[2K${this.paint("dim", `gen-client: ${label}: ${step}…`, process.stderr)}`);
    this.#drawn = true;
  }

  result(line: string): void {
    this.#clearProgress();
    process.stdout.write(`${line}\n`);
  }

  /** Detail only `--verbose` shows. */
  detail(line: string): void {
    if (this.verbosity !== "verbose") return;
    this.#clearProgress();
    process.stderr.write(`${this.paint("dim", line, process.stderr)}\n`);
  }

  info(line: string): void {
    if (this.verbosity === "quiet") return;
    this.#clearProgress();
    process.stderr.write(`${line}\n`);
  }

  /** Ends with the warning's code in brackets, so logs can be filtered and counted by class. */
  warning(file: string, warning: Warning): void {
    if (this.verbosity === "quiet") return;
    this.#clearProgress();
    process.stderr.write(`gen-client: ${this.paint("yellow", "warning", process.stderr)}: ${formatWarning(file, warning)} [${warning.code}]\n`);
  }

  /** A warning about where gen-client runs rather than about a spec. */
  notice(line: string): void {
    if (this.verbosity === "quiet") return;
    this.#clearProgress();
    process.stderr.write(`gen-client: ${this.paint("yellow", "warning", process.stderr)}: ${line}\n`);
  }

  error(error: GenError): void {
    this.#clearProgress();
    process.stderr.write(`gen-client: ${this.paint("red", "error", process.stderr)}: ${error.format()}\n`);
  }

  /** Anything but a `GenError` is a bug in gen-client: say so, with the stack only when debugging. */
  internalError(error: unknown): void {
    this.#clearProgress();
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`gen-client: internal error: ${message}\nThis is a bug in gen-client ${packageVersion()}; please report it with the spec that caused it.\n`);
    if (process.env.GEN_CLIENT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  }

  paint(style: Style, text: string, stream: NodeJS.WriteStream = process.stdout): string {
    return styleText(style, text, { stream });
  }

  #clearProgress(): void {
    if (!this.#drawn) return;
    process.stderr.write("\r\x1b[2K");
    this.#drawn = false;
  }
}

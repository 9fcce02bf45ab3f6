/** A file of the SDK, as the emitters make it and the writer writes it. */
export interface EmittedFile {
  /** Relative to the SDK's output directory, with `/` separators. */
  readonly path: string;
  readonly contents: string;
}

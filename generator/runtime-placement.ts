import path from "node:path";
import { GenError } from "./errors.js";

/**
 * Where an SDK's runtime lives: `"copy"` puts a copy in `<out>/runtime/`; `{ path }` names a
 * folder several SDKs share (relative to the working directory, which is the config file's folder
 * for the CLI), which each SDK imports instead of carrying its own copy.
 */
export type RuntimeOption = "copy" | { readonly path: string };

export interface RuntimePlacement {
  /** The runtime folder as a module specifier from the SDK's folder: `./runtime` or e.g. `../runtime`. */
  readonly specifier: string;
  /** The shared folder, as given; undefined for the SDK's own copy. */
  readonly shared: string | undefined;
}

/**
 * Resolves the `runtime` option. A shared folder must lie outside the SDK's folder and not hold it
 * (each folder has its own manifest, and one's stale-file removal must never reach the other's
 * files), and must not hold the working directory, where its files would land among the project's.
 */
export function placeRuntime(option: RuntimeOption | undefined, out: string | undefined): RuntimePlacement {
  if (option === undefined || option === "copy") return { specifier: "./runtime", shared: undefined };
  const given = option.path;
  if (out === undefined) throw new GenError("invalid-options", "a shared runtime (runtime.path) needs the SDK's folder (out) to import it from");
  const dir = path.resolve(given);
  const sdk = path.resolve(out);
  const refuse = (why: string) => {
    throw new GenError("invalid-options", `runtime.path ${given}: ${why}`);
  };
  if (within(dir, sdk)) refuse(`it is inside the SDK's folder ${out}; use runtime: "copy" for a copy there`);
  if (within(sdk, dir)) refuse(`it holds the SDK's folder ${out}`);
  if (within(process.cwd(), dir)) refuse("it holds the working directory");
  const relative = path.relative(sdk, dir);
  if (path.isAbsolute(relative)) refuse(`it cannot be reached by a relative import from ${out}`);
  return { specifier: relative.split(path.sep).join("/"), shared: given };
}

/** Whether `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (rel.split(path.sep)[0] !== ".." && !path.isAbsolute(rel));
}

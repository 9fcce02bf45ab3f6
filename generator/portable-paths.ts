/**
 * How generated files name the spec and the SDK's folder. Generated code is committed and checked
 * by `--check` from any directory, so these names must not depend on the machine or on the
 * working directory: no absolute paths, no credentials.
 */
import path from "node:path";
import { isUrl } from "./load/bundle.js";

/**
 * The spec as the generated header and README name it: relative to the SDK's folder when it is
 * known (`../../specs/petstore.yaml`), else to the working directory; a URL without its
 * credentials, query or fragment, which may hold secrets.
 */
export function specLabel(spec: string, out: string | undefined): string {
  if (isUrl(spec)) {
    const url = new URL(spec);
    url.username = "";
    url.password = "";
    url.search = "";
    url.hash = "";
    return url.href;
  }
  const relative = path.relative(out === undefined ? process.cwd() : path.resolve(out), path.resolve(spec));
  // On another drive (Windows) there is no relative path: the file's name is all that is portable.
  return (path.isAbsolute(relative) ? path.basename(spec) : relative).split(path.sep).join("/");
}

/** The SDK folder's name, as the README's examples import it (`./sdk/index.js` without `out`). */
export function sdkFolderName(out: string | undefined): string {
  return (out === undefined ? "" : path.basename(path.resolve(out))) || "sdk";
}

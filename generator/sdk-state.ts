/**
 * The state files gen-client keeps in an SDK folder beside the code, all committed with it: the
 * name map (`.gen-client-names.json`, see name-map.ts), the API surface
 * (`.gen-client-surface.json`, see surface/file.ts) and the manifest of generated files
 * (`.gen-client-manifest.json`, see write/manifest.ts). This module owns their names, the note
 * each opens with, and how they are printed and read back; each file's own module says what its
 * value holds.
 */
import type { EmittedFile } from "./emit/emitted-file.js";
import type { GenError } from "./errors.js";
import { isRecord, printStoredJson } from "./stored-json.js";

export const NAME_MAP_FILE = ".gen-client-names.json";
export const SURFACE_FILE = ".gen-client-surface.json";
export const MANIFEST = ".gen-client-manifest.json";

/** Every state file opens with a note under this key, saying what it is and whether to edit it. */
const NOTE_KEY = "$comment";

/** A state file: its note, then `value`'s keys; `expand` picks the objects printed a key per line (see stored-json.ts). */
export function stateFile(path: string, note: string, value: object, expand: (depth: number, key: string) => boolean): EmittedFile {
  return { path, contents: printStoredJson({ [NOTE_KEY]: note, ...value }, expand) };
}

/** A state file's top-level object; text that is not JSON, or not an object (`notObject` says what it should be), is `invalid`'s error. */
export function readStateFile(text: string, invalid: (problem: string) => GenError, notObject: string): Readonly<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid("is not JSON");
  }
  if (!isRecord(value)) throw invalid(notObject);
  return value;
}

import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import { parsePointer } from "../errors.js";

// The YAML parser is loaded only to locate an error (loading it takes ~25 ms), and errors are
// raised from synchronous code: a `require`, not an `import()`.
const require = createRequire(import.meta.url);

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds the line and column of a JSON pointer in YAML or JSON text. Parsing with positions is
 * slow, so this runs only when an error is reported, never on the happy path.
 */
export function locatePointer(text: string, pointer: string): Position | undefined {
  const { isMap, isSeq, LineCounter, parseDocument } = require("yaml") as typeof Yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of parsePointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value) === segment);
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node)) {
      keyNode = undefined;
      node = node.items[Number(segment)];
    } else {
      break;
    }
  }
  const target = (keyNode ?? node) as Yaml.Node | undefined;
  const offset = target?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

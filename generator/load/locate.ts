import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { parsePointer } from "../errors.js";

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds the line and column of a JSON pointer in YAML or JSON text. Parsing with positions is
 * slow, so this runs only when an error is reported, never on the happy path.
 */
export function locatePointer(text: string, pointer: string): Position | undefined {
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
  const target = (keyNode ?? node) as Node | undefined;
  const offset = target?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

import { GenError } from "../errors.js";

/**
 * Parses YAML or JSON text. JSON goes through `JSON.parse`, which is an order of magnitude faster
 * than a YAML parser on multi-megabyte specs (and the YAML parser is not even loaded: ~25 ms);
 * positions are only computed when an error needs them.
 */
export async function parseSpecText(text: string, file: string): Promise<unknown> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^\s*[{[]/.test(source)) {
    try {
      return JSON.parse(source);
    } catch {
      // Fall through: the YAML parser reports the position of the problem precisely.
    }
  }
  const { LineCounter, parseDocument } = await import("yaml");
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [first] = doc.errors;
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    const reason = first.message.split("\n")[0] ?? first.message;
    throw new GenError("syntax", `invalid YAML/JSON: ${reason}`, { file, line, column: col });
  }
  return doc.toJS({ maxAliasCount: 10_000 });
}

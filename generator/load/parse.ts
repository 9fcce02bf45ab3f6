import type { ParseError } from "jsonc-parser";
import { GenError } from "../errors.js";

/**
 * Parses YAML or JSON text. JSON goes through `JSON.parse`, which is an order of magnitude faster
 * than a YAML parser on multi-megabyte specs (and the YAML parser is not even loaded: ~25 ms);
 * positions are only computed when an error needs them.
 */
export async function parseSpecText(text: string, file: string): Promise<unknown> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!/^\s*[{[]/.test(source)) return parseYaml(source, file);
  try {
    return JSON.parse(source);
  } catch {
    // JSON that YAML still reads (a trailing comma, say) is accepted as it always was; text that
    // neither reads is a broken JSON document, and gets JSON's reason rather than YAML's.
  }
  try {
    return await parseYaml(source, file);
  } catch (yamlError) {
    throw (await jsonSyntaxError(source, file)) ?? yamlError;
  }
}

async function parseYaml(source: string, file: string): Promise<unknown> {
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

/**
 * The first JSON syntax error with its line and column. `JSON.parse`'s messages carry no position
 * for some errors and differ between Node versions, so a parser that reports offsets finds it.
 */
async function jsonSyntaxError(source: string, file: string): Promise<GenError | undefined> {
  const { parse, printParseErrorCode } = await import("jsonc-parser");
  const errors: ParseError[] = [];
  parse(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (first === undefined) return undefined;
  const reason = JSON_REASONS[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error);
  const end = source.trimEnd().length;
  const truncated = first.offset >= end;
  // Where the text stops, not on the blank line after it.
  const { line, column } = lineAndColumn(source, Math.min(first.offset, end));
  return new GenError("syntax", `invalid JSON: ${truncated ? `the document ends early: ${reason}` : reason}`, { file, line, column });
}

const JSON_REASONS: Readonly<Record<string, string>> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "expected the end of the document",
  InvalidCommentToken: "comments are not JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid \\u escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "control character in a string",
};

function lineAndColumn(source: string, offset: number): { readonly line: number; readonly column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

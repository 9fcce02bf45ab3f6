/**
 * Literal text from the spec, made safe for the place it goes. A spec is untrusted input: nothing
 * in it may end a comment, a string or a line of the emitted code.
 */

const LINE_BREAKS = /\r\n?|[\n\u2028\u2029]/g;

/** Text with no double quote, backslash, control character, line separator or surrogate: quoted as it is. */
const PLAIN = /^[^"\\\u0000-\u001f\u007f\u2028\u2029\ud800-\udfff]*$/;

/** A JS string literal, quoted the way prettier would (double, unless that needs more escapes). */
export function stringLiteral(value: string): string {
  if (PLAIN.test(value)) return `"${value}"`;
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  const quote = doubles > singles ? "'" : '"';
  let out = quote;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === quote || char === "\\") out += `\\${char}`;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff)) {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += char;
  }
  return out + quote;
}

/** Lines of a JSDoc block: `*\/` cannot close it, and every kind of line break becomes one. */
export function jsdocLines(text: string): string[] {
  const lines = text
    .replaceAll("*/", "*\\/")
    .split(LINE_BREAKS)
    .map((line) => line.replace(/[\s\u0000-\u001f]+$/u, "").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, ""));
  while (lines.length > 0 && lines[0] === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`internal: ${value} has no literal`);
  return Object.is(value, -0) ? "0" : String(value).replace(/e\+/, "e");
}

import { hardline, join, type Doc } from "./doc.js";
import { isIdentifier } from "../../model/naming.js";
import { stringLiteral } from "./literals.js";

/** A JSDoc block from already-escaped lines (see `jsdocLines`). */
export function jsdoc(lines: readonly string[]): Doc {
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return ["/**", hardline, join(hardline, lines.map((text) => (text === "" ? " *" : ` * ${text}`))), hardline, " */"];
}

/** An object or interface key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return isIdentifier(key) ? key : stringLiteral(key);
}

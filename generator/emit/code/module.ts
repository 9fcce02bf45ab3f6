/**
 * Top-level statements as data, and a file printer that lays them out as prettier would at its
 * defaults (80 columns, 2 spaces, double quotes, trailing commas): prettier's docs and layout
 * algorithm (see doc.ts, printer.ts).
 */
import { group, hardline, ifBreak, indent, join, line, softline, type Doc } from "./doc.js";
import { printDoc } from "./printer.js";
import { printAssignment, printExpr, type Expr } from "./expressions.js";
import { jsdoc } from "./shared.js";
import { stringLiteral } from "./literals.js";
import { printAnnotation, printObjectType, printType, type TsMember, type TsType } from "./types.js";

export interface ImportName {
  readonly name: string;
  readonly typeOnly?: boolean;
  /** The local name, when it differs. */
  readonly as?: string;
}

export type Statement =
  | { readonly s: "import"; readonly from: string; readonly names: readonly ImportName[]; readonly typeOnly?: boolean }
  | { readonly s: "importNamespace"; readonly from: string; readonly as: string; readonly typeOnly?: boolean }
  | { readonly s: "exportFrom"; readonly from: string; readonly names: readonly ImportName[]; readonly typeOnly?: boolean }
  | { readonly s: "exportAll"; readonly from: string; readonly typeOnly?: boolean }
  | { readonly s: "interface"; readonly name: string; readonly extends: readonly TsType[]; readonly members: readonly TsMember[]; readonly doc?: readonly string[] }
  | { readonly s: "type"; readonly name: string; readonly type: TsType; readonly doc?: readonly string[] }
  | { readonly s: "const"; readonly name: string; readonly type?: TsType; readonly value: Expr; readonly doc?: readonly string[]; readonly exported: boolean }
  | { readonly s: "function"; readonly name: string; readonly params: readonly Param[]; readonly returnType?: TsType; readonly body: readonly BodyStatement[]; readonly doc?: readonly string[] }
  /** Code already laid out (from templates/, or load-validators.ts); printed as it is. */
  | { readonly s: "verbatim"; readonly text: string };

export interface Param {
  readonly name: string;
  readonly type: TsType;
  readonly initializer?: Expr;
}

export type BodyStatement =
  | { readonly s: "const"; readonly name: string; readonly value: Expr }
  | { readonly s: "expression"; readonly value: Expr }
  | { readonly s: "return"; readonly value: Expr };

/**
 * Prints a module: the header comment, then statements; imports stay together. Each top-level
 * statement starts on a fresh line at column 0, so its layout depends on nothing around it: they
 * are printed one at a time, which keeps only one statement's doc alive (a big API's whole-module
 * doc is hundreds of megabytes for the garbage collector to trace).
 */
export function printModule(header: readonly string[], statements: readonly Statement[], pragmas: readonly string[] = []): string {
  const parts: string[] = [printDoc(jsdoc(header)), "\n", ...pragmas.map((pragma) => `${pragma}\n`), "\n"];
  statements.forEach((statement, i) => {
    const previous = statements[i - 1];
    if (previous) parts.push(isModuleLink(previous) && isModuleLink(statement) ? "\n" : "\n\n");
    parts.push(printDoc(printStatement(statement)));
  });
  parts.push("\n");
  return parts.join("");
}

function isModuleLink(statement: Statement): boolean {
  return statement.s === "import" || statement.s === "importNamespace" || statement.s === "exportFrom" || statement.s === "exportAll";
}

function withDoc(doc: readonly string[] | undefined, body: Doc): Doc {
  return doc && doc.length > 0 ? [jsdoc(doc), hardline, body] : body;
}

function printStatement(statement: Statement): Doc {
  switch (statement.s) {
    case "import":
      return ["import ", statement.typeOnly ? "type " : "", printNameList(statement.names), " from ", stringLiteral(statement.from), ";"];
    case "importNamespace":
      return ["import ", statement.typeOnly ? "type " : "", "* as ", statement.as, " from ", stringLiteral(statement.from), ";"];
    case "exportFrom":
      return ["export ", statement.typeOnly ? "type " : "", printNameList(statement.names), " from ", stringLiteral(statement.from), ";"];
    case "exportAll":
      return ["export ", statement.typeOnly ? "type " : "", "* from ", stringLiteral(statement.from), ";"];
    case "interface":
      return withDoc(statement.doc, printInterface(statement));
    case "type":
      return withDoc(statement.doc, ["export type ", statement.name, " =", printAnnotation(statement.type), ";"]);
    case "const":
      return withDoc(statement.doc, [
        statement.exported ? "export " : "",
        printAssignment(["const ", statement.name, statement.type ? [": ", printType(statement.type, "member")] : ""], " =", statement.value),
        ";",
      ]);
    case "function":
      return withDoc(statement.doc, printFunction(statement));
    case "verbatim":
      return join(hardline, statement.text.trimEnd().split("\n"));
  }
}

function printNameList(names: readonly ImportName[]): Doc {
  if (names.length === 0) return "{}";
  const printed = names.map((n) => `${n.typeOnly ? "type " : ""}${n.name}${n.as !== undefined ? ` as ${n.as}` : ""}`);
  return group(["{", indent([line, join([",", line], printed)]), ifBreak(","), line, "}"]);
}

function printInterface(statement: Extract<Statement, { s: "interface" }>): Doc {
  const head: Doc =
    statement.extends.length === 0
      ? ["export interface ", statement.name]
      : group(
          indent([
            "export interface ",
            statement.name,
            line,
            "extends ",
            (statement.extends.length === 1 ? (d: Doc) => d : indent)(join([",", line], statement.extends.map((t) => printType(t, "ref")))),
          ]),
        );
  return [head, " ", printObjectType(statement.members)];
}

function printFunction(statement: Extract<Statement, { s: "function" }>): Doc {
  const params = statement.params.map((param) => [
    param.name,
    ": ",
    printType(param.type, "member"),
    param.initializer ? [" = ", printExpr(param.initializer)] : "",
  ]);
  const signature = group(["(", indent([softline, join([",", line], params)]), ifBreak(","), softline, ")"]);
  const body = statement.body.map((each): Doc => {
    switch (each.s) {
      case "const":
        return [printAssignment(["const ", each.name], " =", each.value), ";"];
      case "expression":
        return [printExpr(each.value), ";"];
      case "return":
        return ["return ", printExpr(each.value), ";"];
    }
  });
  return [
    "export function ",
    statement.name,
    group([signature, statement.returnType ? [": ", printType(statement.returnType, "member")] : ""]),
    " {",
    indent([hardline, join(hardline, body)]),
    hardline,
    "}",
  ];
}

/** One expression statement as text (for examples in docs), prefixed with e.g. `await `. */
export function printStatementText(prefix: string, expr: Expr): string {
  return printDoc([prefix, printExpr(expr), ";"]);
}

/** The types type declarations are made of (see `typeNames`). */
export function declaredTypes(statements: readonly Statement[]): TsType[] {
  return statements.flatMap((statement) => {
    if (statement.s === "type") return [statement.type];
    if (statement.s === "interface") return [...statement.extends, ...statement.members.map((member) => member.type)];
    return [];
  });
}

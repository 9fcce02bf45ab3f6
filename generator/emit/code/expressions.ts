/**
 * JavaScript expressions as data, and their layout following prettier's printer for the shapes
 * gen-client emits: member chains (`z.string().check(…)`), call arguments with a hugged last
 * object/array/arrow argument, and always-expanded object literals.
 */
import { breakParent, conditionalGroup, fill, flatOr, group, hardline, ifBreak, indent, indentIfBreak, join, line, softline, willBreak, type Doc } from "./doc.js";
import { jsdoc, propertyKey } from "./shared.js";
import { numberLiteral, stringLiteral } from "./literals.js";
import { printType, type TsType } from "./types.js";

export type Expr =
  | { readonly e: "id"; readonly name: string }
  | { readonly e: "string"; readonly value: string }
  | { readonly e: "number"; readonly value: number }
  | { readonly e: "boolean"; readonly value: boolean }
  | { readonly e: "null" }
  | { readonly e: "member"; readonly object: Expr; readonly name: string }
  | { readonly e: "call"; readonly callee: Expr; readonly args: readonly Expr[]; readonly typeArgs?: readonly TsType[] }
  | { readonly e: "new"; readonly callee: Expr; readonly args: readonly Expr[] }
  | { readonly e: "object"; readonly properties: readonly ObjectProperty[]; readonly inline?: boolean }
  | { readonly e: "array"; readonly items: readonly Expr[] }
  | { readonly e: "arrow"; readonly body: Expr; readonly returnType?: TsType }
  /** A call bundlers may drop when its result is unused (`/* @__PURE__ *\/`). */
  | { readonly e: "pure"; readonly call: Expr };

export interface ObjectProperty {
  readonly key: string;
  readonly value: Expr;
  readonly doc?: readonly string[];
}

export const id = (name: string): Expr => ({ e: "id", name });
export const str = (value: string): Expr => ({ e: "string", value });
export const num = (value: number): Expr => ({ e: "number", value });
export const bool = (value: boolean): Expr => ({ e: "boolean", value });
export const nullExpr: Expr = { e: "null" };
export const member = (object: Expr, name: string): Expr => ({ e: "member", object, name });
export const call = (callee: Expr, args: readonly Expr[] = [], typeArgs?: readonly TsType[]): Expr =>
  typeArgs ? { e: "call", callee, args, typeArgs } : { e: "call", callee, args };
export const newExpr = (callee: Expr, args: readonly Expr[]): Expr => ({ e: "new", callee, args });
export const object = (properties: readonly ObjectProperty[]): Expr => ({ e: "object", properties });
/** An object that stays on one line when it fits (`{ offset: true }`); others are always expanded. */
export const inlineObject = (properties: readonly ObjectProperty[]): Expr => ({ e: "object", properties, inline: true });
export const array = (items: readonly Expr[]): Expr => ({ e: "array", items });
export const pure = (expr: Expr): Expr => ({ e: "pure", call: expr });
export const arrow = (body: Expr, returnType?: TsType): Expr => (returnType ? { e: "arrow", body, returnType } : { e: "arrow", body });

/** `a.b.c` from a dotted path; expressions are immutable, so each path is made once. */
export function path(dotted: string): Expr {
  let expr = PATHS.get(dotted);
  if (expr === undefined) {
    const [head = "", ...rest] = dotted.split(".");
    expr = rest.reduce<Expr>((object, name) => member(object, name), id(head));
    PATHS.set(dotted, expr);
  }
  return expr;
}

const PATHS = new Map<string, Expr>();

/** Value literals from JSON data (spec defaults, enum values). */
export function literal(value: unknown): Expr {
  if (value === null) return nullExpr;
  if (typeof value === "string") return str(value);
  if (typeof value === "number") return Number.isFinite(value) ? num(value) : nullExpr;
  if (typeof value === "boolean") return bool(value);
  if (Array.isArray(value)) return array(value.map(literal));
  if (typeof value === "object") return object(Object.entries(value).map(([key, each]) => ({ key, value: literal(each) })));
  return nullExpr;
}

/**
 * The identifiers expressions refer to, to import only what is used: one walk over a module's
 * expressions, however many names are then looked up.
 */
export function identifiers(exprs: readonly Expr[]): Set<string> {
  const found = new Set<string>();
  const visit = (expr: Expr): void => {
    if (expr.e === "id") found.add(expr.name);
    else if (expr.e === "member") visit(expr.object);
    else if (expr.e === "call" || expr.e === "new") {
      visit(expr.callee);
      for (const arg of expr.args) visit(arg);
    } else if (expr.e === "object") for (const property of expr.properties) visit(property.value);
    else if (expr.e === "array") for (const item of expr.items) visit(item);
    else if (expr.e === "arrow") visit(expr.body);
    else if (expr.e === "pure") visit(expr.call);
  };
  for (const expr of exprs) visit(expr);
  return found;
}

export function printExpr(expr: Expr): Doc {
  if (expr.e === "call" || expr.e === "new" || expr.e === "array" || expr.e === "object") {
    const flat = flatText(expr);
    if (flat !== undefined) return flatOr(flat, () => printExprDoc(expr));
  }
  return printExprDoc(expr);
}

function printExprDoc(expr: Expr): Doc {
  switch (expr.e) {
    case "id":
    case "string":
    case "number":
    case "boolean":
    case "null":
      return leafText(expr);
    case "member":
      return [printExpr(expr.object), ".", expr.name];
    case "call":
      return expr.callee.e === "member" ? printMemberChain(expr) : [printExpr(expr.callee), printTypeArgs(expr.typeArgs), printArguments(expr.args)];
    case "new":
      return ["new ", printExpr(expr.callee), printArguments(expr.args)];
    case "object":
      return printObject(expr.properties, expr.inline === true);
    case "array":
      return printArray(expr.items);
    case "arrow":
      return printArrow(expr, false);
    case "pure":
      return ["/* @__PURE__ */ ", printExpr(expr.call)];
  }
}

/** A name or a literal: text that never breaks. */
function leafText(expr: Extract<Expr, { e: "id" | "string" | "number" | "boolean" | "null" }>): string {
  switch (expr.e) {
    case "id":
      return expr.name;
    case "string":
      return stringLiteral(expr.value);
    case "number":
      return expr.value < 0 ? `-${numberLiteral(-expr.value)}` : numberLiteral(expr.value);
    case "boolean":
      return String(expr.value);
    case "null":
      return "null";
  }
}

/**
 * The text `printExprDoc` lays out on one line, or undefined when something in the expression must
 * break (an expanded object, a doc comment, a member chain prettier always breaks) or is not worth
 * the shortcut (arrows, type arguments), or laid out as a fill (lists of numbers). Text for text,
 * it is what the doc prints flat.
 */
function flatText(expr: Expr): string | undefined {
  switch (expr.e) {
    case "id":
    case "string":
    case "number":
    case "boolean":
    case "null":
      return leafText(expr);
    case "member": {
      const object = flatText(expr.object);
      return object === undefined ? undefined : `${object}.${expr.name}`;
    }
    case "call": {
      if (expr.typeArgs !== undefined && expr.typeArgs.length > 0) return undefined;
      const callee = flatText(expr.callee);
      const args = callee === undefined ? undefined : flatArguments(expr.args);
      // Checked last: its walk is only as long as the text's when the arguments are flat.
      if (args === undefined || (expr.callee.e === "member" && isAlwaysBrokenChain(expr))) return undefined;
      return callee + args;
    }
    case "new": {
      const callee = flatText(expr.callee);
      const args = callee === undefined ? undefined : flatArguments(expr.args);
      return args === undefined ? undefined : `new ${callee}${args}`;
    }
    case "object":
      return expr.inline === true ? flatObject(expr.properties) : undefined;
    case "array":
      // A fill (a list of numbers) is not flatOr's to stand for: see flatOr.
      return arrayMustBreak(expr.items) || isNumberList(expr.items) ? undefined : flatList("[", expr.items, "]");
    case "arrow":
      return undefined;
    case "pure": {
      const call = flatText(expr.call);
      return call === undefined ? undefined : `/* @__PURE__ */ ${call}`;
    }
  }
}

function flatArguments(args: readonly Expr[]): string | undefined {
  return args.length === 0 ? "()" : flatList("(", args, ")");
}

function flatList(open: string, items: readonly Expr[], close: string): string | undefined {
  let text = open;
  for (let i = 0; i < items.length; i++) {
    const item = flatText(items[i]!);
    if (item === undefined) return undefined;
    text += i === 0 ? item : `, ${item}`;
  }
  return text + close;
}

function flatObject(properties: readonly ObjectProperty[]): string | undefined {
  if (properties.length === 0) return "{}";
  let text = "{ ";
  for (let i = 0; i < properties.length; i++) {
    const property = properties[i]!;
    if (property.doc) return undefined;
    const value = flatText(property.value);
    if (value === undefined) return undefined;
    const entry = property.value.e === "id" && property.value.name === property.key ? property.key : `${objectKey(property.key)}: ${value}`;
    text += i === 0 ? entry : `, ${entry}`;
  }
  return `${text} }`;
}

function objectKey(key: string): string {
  return key === "__proto__" ? '["__proto__"]' : propertyKey(key);
}

function printTypeArgs(typeArgs: readonly TsType[] | undefined): Doc {
  if (!typeArgs || typeArgs.length === 0) return "";
  return printType({ t: "ref", name: "", args: typeArgs });
}

function printObject(properties: readonly ObjectProperty[], inline: boolean): Doc {
  if (properties.length === 0) return "{}";
  const printed = properties.map((property) => {
    if (property.value.e === "id" && property.value.name === property.key && !property.doc) return property.key;
    const key = objectKey(property.key);
    // prettier leaves short keys alone: breaking after them gains nothing.
    const assignment = () => (key.length < 2 + 3 ? [key, ": ", printExprDoc(property.value)] : printAssignment(key, ":", property.value));
    if (property.doc) return [jsdoc(property.doc), hardline, assignment()];
    const flat = flatText(property.value);
    return flat === undefined ? assignment() : flatOr(`${key}: ${flat}`, assignment);
  });
  return group(["{", indent([line, join([",", line], printed)]), ifBreak(","), line, "}"], { shouldBreak: !inline });
}

function printArray(items: readonly Expr[]): Doc {
  if (items.length === 0) return "[]";
  const printed = items.map(printExpr);
  const body = isNumberList(items) ? fill(join([",", line], printed)) : join([",", line], printed);
  return group(["[", indent([softline, body]), ifBreak(","), softline, "]"], { shouldBreak: arrayMustBreak(items) });
}

/** Several numbers: prettier fills the lines with them rather than one a line. */
function isNumberList(items: readonly Expr[]): boolean {
  return items.length > 1 && items.every((item) => item.e === "number");
}

/** prettier always breaks arrays of several objects (or arrays) that each have several entries. */
function arrayMustBreak(items: readonly Expr[]): boolean {
  const first = items[0];
  return (
    items.length > 1 &&
    items.every((item) =>
      first?.e === "object"
        ? item.e === "object" && item.properties.length > 1
        : first?.e === "array" && item.e === "array" && item.items.length > 1,
    )
  );
}

/** Arrow bodies that are calls go on the next line when they break, as prettier does. */
function printArrow(expr: Extract<Expr, { e: "arrow" }>, expandLastArg: boolean): Doc {
  const body = printExpr(expr.body);
  const head = expr.returnType ? ["(): ", printType(expr.returnType), " =>"] : "() =>";
  // An object body needs parentheses, or it would read as a block.
  if (expr.body.e === "object") return group([head, " (", body, ")"]);
  if (expr.body.e === "array" || expr.body.e === "arrow") return group([head, " ", body]);
  const shouldAddSoftLine = expandLastArg;
  return group([head, group([indent([line, body]), shouldAddSoftLine ? [ifBreak(","), softline] : ""])]);
}

// --- calls -------------------------------------------------------------------------------------

function couldExpandArg(arg: Expr): boolean {
  if (arg.e === "object") return arg.properties.length > 0;
  if (arg.e === "array") return arg.items.length > 0;
  if (arg.e !== "arrow") return false;
  const { body } = arg;
  return body.e === "object" || body.e === "array" || body.e === "arrow" || body.e === "call";
}

/** prettier's `printCallArguments`, for the argument kinds gen-client emits. */
function printArguments(args: readonly Expr[]): Doc {
  if (args.length === 0) return "()";
  const printed = args.map(printExpr);
  const separated = printed.map((doc, i) => (i === printed.length - 1 ? doc : [doc, ",", line]));
  const allArgsBrokenOut = () => group(["(", indent([line, ...separated, ","]), line, ")"], { shouldBreak: true });

  const last = args[args.length - 1];
  const penultimate = args[args.length - 2];
  const shouldGroupLast = last !== undefined && couldExpandArg(last) && (!penultimate || penultimate.e !== last.e);
  if (shouldGroupLast && last) {
    if (printed.slice(0, -1).some(willBreak)) return allArgsBrokenOut();
    const expandedLast = last.e === "arrow" ? printArrow(last, true) : printed[printed.length - 1];
    const head = printed.slice(0, -1).map((doc) => [doc, ", "]);
    return [
      printed.some(willBreak) ? breakParent : "",
      conditionalGroup([
        ["(", ...head, expandedLast ?? "", ")"],
        ["(", ...head, group(expandedLast ?? "", { shouldBreak: true }), ")"],
        allArgsBrokenOut(),
      ]),
    ];
  }
  return group(["(", indent([softline, ...separated]), ifBreak(","), softline, ")"], { shouldBreak: printed.some(willBreak) });
}

/** A simple argument, by prettier's `isSimpleCallArgument`. */
function isSimpleCallArgument(expr: Expr, depth = 0): boolean {
  switch (expr.e) {
    case "id":
    case "string":
    case "number":
    case "boolean":
    case "null":
      return true;
    case "object":
      return expr.properties.every((p) => isSimpleCallArgument(p.value, depth));
    case "array":
      return expr.items.every((item) => isSimpleCallArgument(item, depth));
    case "member":
      return isSimpleCallArgument(expr.object, depth);
    case "call":
    case "new":
      return depth < 2 && isSimpleCallArgument(expr.callee, depth) && expr.args.every((arg) => isSimpleCallArgument(arg, depth + 1));
    case "arrow":
    case "pure":
      return false;
  }
}

type ChainLink = { readonly kind: "member"; readonly name: string } | { readonly kind: "call"; readonly expr: Extract<Expr, { e: "call" }> };

/** prettier's `printMemberChain`: `z.string().check(a)` stays on one line or breaks at each `.`. */
function printMemberChain(expr: Extract<Expr, { e: "call" }>): Doc {
  const { head, links } = chainLinks(expr);
  // The first group: the head, then members while another member follows (`z.iso`).
  let i = 0;
  const first: Doc[] = [printExpr(head)];
  for (; i + 1 < links.length; i++) {
    const link = links[i];
    if (link?.kind === "member" && links[i + 1]?.kind === "member") first.push(".", link.name);
    else break;
  }
  const groups: Doc[][] = [];
  let current: Doc[] = [];
  let seenCall = false;
  for (; i < links.length; i++) {
    const link = links[i]!;
    if (seenCall && link.kind === "member") {
      groups.push(current);
      current = [];
      seenCall = false;
    }
    if (link.kind === "call") {
      seenCall = true;
      current.push(printTypeArgs(link.expr.typeArgs), printArguments(link.expr.args));
    } else current.push(".", link.name);
  }
  if (current.length > 0) groups.push(current);

  const oneLine = [first, ...groups];
  if (groups.length + 1 <= 2) return group(oneLine);
  const expanded = [first, indent(group([hardline, join(hardline, groups)]))];
  if (isAlwaysBrokenChain(expr) || groups.slice(0, -1).some(willBreak)) return group(expanded);
  return [willBreak(oneLine) ? breakParent : "", conditionalGroup([oneLine, expanded])];
}

/** A chain's head (`z`) and its links, in reading order. */
function chainLinks(expr: Extract<Expr, { e: "call" }>): { head: Expr; links: ChainLink[] } {
  const links: ChainLink[] = [];
  let head: Expr = expr;
  for (;;) {
    if (head.e === "call" && head.callee.e === "member") {
      links.push({ kind: "call", expr: head });
      head = head.callee;
    } else if (head.e === "member") {
      links.push({ kind: "member", name: head.name });
      head = head.object;
    } else break;
  }
  return { head, links: links.reverse() };
}

/** prettier breaks a chain of more than two calls at every call when one takes a complex argument. */
function isAlwaysBrokenChain(chain: Extract<Expr, { e: "call" }>): boolean {
  let calls = 0;
  let complex = false;
  for (let link: Expr = chain; ; ) {
    if (link.e === "call" && link.callee.e === "member") {
      calls++;
      complex ||= !link.args.every((arg) => isSimpleCallArgument(arg));
      link = link.callee;
    } else if (link.e === "member") link = link.object;
    else return calls > 2 && complex;
  }
}

// --- assignments -------------------------------------------------------------------------------

/** A member chain whose calls take nothing or one short argument, by prettier's rule. */
function isPoorlyBreakableChain(expr: Expr, deep = false): boolean {
  if (expr.e === "member") return isPoorlyBreakableChain(expr.object, true);
  if (expr.e === "call") {
    const [only] = expr.args;
    const short = expr.args.length === 0 || (expr.args.length === 1 && only !== undefined && isLoneShortArgument(only));
    return short && (expr.typeArgs ?? []).length === 0 && isPoorlyBreakableChain(expr.callee, true);
  }
  return deep && expr.e === "id";
}

function isLoneShortArgument(arg: Expr): boolean {
  const threshold = 80 / 4;
  if (arg.e === "id") return arg.name.length <= threshold;
  if (arg.e === "number" || arg.e === "boolean" || arg.e === "null") return true;
  if (arg.e === "string") return stringLiteral(arg.value).length <= threshold;
  return false;
}

/**
 * prettier's assignment layouts for `left = value` and `key: value`: strings and poorly
 * breakable chains move to the next line whole (`break-after-operator`); everything else
 * breaks after the operator only when its first line cannot fit (`fluid`).
 */
export function printAssignment(left: Doc, operator: string, value: Expr): Doc {
  const right = printExpr(value);
  if (value.e === "string" || (value.e === "call" && isPoorlyBreakableChain(value))) {
    return group([group(left), operator, group(indent([line, right]))]);
  }
  const groupId = Symbol("assignment");
  return group([group(left), operator, group(indent(line), { id: groupId }), indentIfBreak(right, groupId)]);
}

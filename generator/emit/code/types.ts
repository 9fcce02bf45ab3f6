/**
 * TypeScript type expressions as data, and their layout. The layout follows prettier's own
 * printer for these node kinds (union indentation, object hugging, intersection alignment), so
 * emitted files are already prettier-formatted; `test/generator/prettier.test.ts` holds us to it.
 */
import { align, group, hardline, ifBreak, indent, join, line, softline, type Doc } from "./doc.js";
import { jsdoc, propertyKey } from "./shared.js";
import { numberLiteral, stringLiteral } from "./literals.js";

export type TsType =
  | { readonly t: "keyword"; readonly name: "string" | "number" | "boolean" | "null" | "unknown" | "never" | "undefined" }
  | { readonly t: "ref"; readonly name: string; readonly args?: readonly TsType[] }
  | { readonly t: "literal"; readonly value: string | number | boolean }
  | { readonly t: "array"; readonly element: TsType }
  | { readonly t: "tuple"; readonly elements: readonly TsType[]; readonly rest?: TsType }
  | { readonly t: "union"; readonly types: readonly TsType[] }
  | { readonly t: "intersection"; readonly types: readonly TsType[] }
  | { readonly t: "object"; readonly members: readonly TsMember[] };

export interface TsProperty {
  readonly key: string;
  readonly optional: boolean;
  readonly type: TsType;
  readonly doc?: readonly string[];
  readonly readonly?: boolean;
}

export interface TsIndexSignature {
  readonly index: true;
  readonly type: TsType;
  readonly doc?: readonly string[];
}

export type TsMember = TsProperty | TsIndexSignature;

export const tsKeyword = (name: Extract<TsType, { t: "keyword" }>["name"]): TsType => ({ t: "keyword", name });
export const tsRef = (name: string, args?: readonly TsType[]): TsType => (args ? { t: "ref", name, args } : { t: "ref", name });

/** A union with duplicates removed and nested unions flattened; one member needs no union. */
export function tsUnion(types: readonly TsType[]): TsType {
  const flat: TsType[] = [];
  const seen = new Set<string>();
  for (const type of types.flatMap((each) => (each.t === "union" ? each.types : [each]))) {
    const key = typeKey(type);
    if (!seen.has(key)) {
      seen.add(key);
      flat.push(type);
    }
  }
  if (flat.length === 0) return tsKeyword("never");
  return flat.length === 1 && flat[0] ? flat[0] : { t: "union", types: flat };
}

/** Equal for equal types: simple ones by a short key (never JSON's `{…}`), others as JSON. */
function typeKey(type: TsType): string {
  if (type.t === "keyword") return type.name;
  if (type.t === "ref" && !type.args) return `ref ${type.name}`;
  if (type.t === "literal") return `${typeof type.value} ${String(type.value)}`;
  return JSON.stringify(type);
}

/** An intersection with nested intersections flattened, as a parser would see the printed text. */
export function tsIntersection(types: readonly TsType[]): TsType {
  const flat = types.flatMap((each) => (each.t === "intersection" ? each.types : [each]));
  return flat.length === 1 && flat[0] ? flat[0] : { t: "intersection", types: flat };
}

/** The type names types refer to, to import only what is used: one walk (see `identifiers`). */
export function typeNames(types: readonly TsType[]): Set<string> {
  const found = new Set<string>();
  const visit = (type: TsType): void => {
    if (type.t === "ref") {
      found.add(type.name);
      type.args?.forEach(visit);
    } else if (type.t === "array") visit(type.element);
    else if (type.t === "tuple") [...type.elements, ...(type.rest ? [type.rest] : [])].forEach(visit);
    else if (type.t === "union" || type.t === "intersection") type.types.forEach(visit);
    else if (type.t === "object") type.members.forEach((member) => visit(member.type));
  };
  types.forEach(visit);
  return found;
}

export function printType(type: TsType, parent?: TsType["t"] | "member"): Doc {
  switch (type.t) {
    case "keyword":
      return type.name;
    case "ref":
      return type.args ? [type.name, printTypeArguments(type.args)] : type.name;
    case "literal":
      return typeof type.value === "string" ? stringLiteral(type.value) : typeof type.value === "number" ? numberLiteral(type.value) : String(type.value);
    case "array":
      return [printType(type.element, "array"), "[]"];
    case "tuple":
      return printTuple(type);
    case "union":
      return printUnion(type.types, parent);
    case "intersection":
      return printIntersection(type.types);
    case "object":
      return printObjectType(type.members);
  }
}

function printTypeArguments(args: readonly TsType[]): Doc {
  const [only] = args;
  if (args.length === 1 && only && (isSimpleType(only) || only.t === "object")) return ["<", printType(only, "ref"), ">"];
  return group(["<", indent([softline, join([",", line], args.map((arg) => printType(arg, "ref")))]), softline, ">"]);
}

function printTuple(type: Extract<TsType, { t: "tuple" }>): Doc {
  const elements = type.elements.map((element) => printType(element, "tuple"));
  if (type.rest) elements.push(["...", printType({ t: "array", element: type.rest }, "tuple")]);
  return group(["[", indent([softline, join([",", line], elements)]), ifBreak(","), softline, "]"]);
}

function isSimpleType(type: TsType): boolean {
  return type.t === "keyword" || type.t === "literal" || (type.t === "ref" && !type.args);
}

function isObjectType(type: TsType): boolean {
  return type.t === "object";
}

/** prettier's `printUnionType`: an object type with only null beside it hugs; others indent. */
function printUnion(types: readonly TsType[], parent: TsType["t"] | "member" | undefined): Doc {
  const nullCount = types.filter((each) => each.t === "keyword" && each.name === "null").length;
  const shouldHug = types.length - 1 === nullCount && types.some(isObjectType);
  const printed = types.map((each) => (shouldHug ? printType(each, "union") : align(2, printType(each, "union"))));
  if (shouldHug) return join(" | ", printed);
  const shouldIndent = parent !== "ref" && parent !== "tuple";
  const code = [ifBreak([shouldIndent ? line : "", "| "]), join([line, "| "], printed)];
  if (parent === "array" || parent === "intersection") return ["(", group([indent(code), softline]), ")"];
  return group(shouldIndent ? indent(code) : code);
}

/**
 * The part after `:` in a property or `=` in a type alias. A union there first moves to the next
 * line whole, and only breaks into one member per line when it does not fit there either.
 */
export function printAnnotation(type: TsType): Doc {
  if (type.t !== "union") return [" ", printType(type, "member")];
  const nullCount = type.types.filter((each) => each.t === "keyword" && each.name === "null").length;
  if (type.types.length - 1 === nullCount && type.types.some(isObjectType)) return [" ", printType(type, "member")];
  const printed = type.types.map((each) => align(2, printType(each, "union")));
  return group(indent([line, group([ifBreak("| "), join([line, "| "], printed)])]));
}

/** prettier's `printIntersectionType`. */
function printIntersection(types: readonly TsType[]): Doc {
  const result: Doc[] = [];
  let wasIndented = false;
  types.forEach((type, i) => {
    const printed = printType(type, "intersection");
    const previous = types[i - 1];
    if (i === 0 || !previous) result.push(printed);
    else if (!isObjectType(previous) && !isObjectType(type)) result.push(indent([" &", line, printed]));
    else if (isObjectType(previous) && isObjectType(type)) result.push([" & ", wasIndented ? indent(printed) : printed]);
    else {
      if (i > 1) wasIndented = true;
      result.push(" & ", i > 1 ? indent(printed) : printed);
    }
  });
  return group(result);
}

/** Object types are always written one member per line, which prettier then preserves. */
export function printObjectType(members: readonly TsMember[]): Doc {
  if (members.length === 0) return "{}";
  return ["{", indent([hardline, join(hardline, members.map(printMember))]), hardline, "}"];
}

function printMember(member: TsMember): Doc {
  const doc = member.doc ? [jsdoc(member.doc), hardline] : "";
  if ("index" in member) return [doc, "[key: string]:", printAnnotation(member.type), ";"];
  return [doc, member.readonly ? "readonly " : "", propertyKey(member.key), member.optional ? "?" : "", ":", printAnnotation(member.type), ";"];
}

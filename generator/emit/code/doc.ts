/**
 * Docs: code with its possible line breaks, as prettier's doc builders make them (the same
 * commands, the same object shapes, so prettier's printer can print them too; see printer.ts).
 * Two things differ, both for speed on big APIs, whose modules are millions of doc nodes:
 * - the contents of groups, indents and alignments are flattened into one array as they are
 *   built (on GitHub's SDK: 0.14 s less CPU, 60 MB less memory), and an indent or alignment of
 *   text alone is that text (indentation only shows after a line break);
 * - a group knows at once whether it must break (prettier's printer finds out with a pass over
 *   the whole doc, `propagateBreaks`, before printing).
 * A group of text alone stays a group: after a hard line printed flat, prettier measures the
 * next group again, and that group may be one of text alone.
 */

export type Doc = string | readonly Doc[] | Group | Indent | Align | Line | BreakParent | IfBreak | IndentIfBreak | Fill;

export interface Group {
  readonly type: "group";
  readonly contents: Doc;
  /** It breaks: asked to, or something in it must (a hard line, a group that breaks). */
  readonly break: boolean;
  readonly id?: symbol;
  /** A conditional group's layouts, tried in order; `contents` is the first. */
  readonly expandedStates?: readonly Doc[];
}

export interface Indent {
  readonly type: "indent";
  readonly contents: Doc;
}

export interface Align {
  readonly type: "align";
  readonly contents: Doc;
  readonly n: number;
}

export interface Line {
  readonly type: "line";
  readonly soft?: true;
  readonly hard?: true;
}

export interface BreakParent {
  readonly type: "break-parent";
}

export interface IfBreak {
  readonly type: "if-break";
  readonly breakContents: Doc;
  readonly flatContents: Doc;
}

export interface IndentIfBreak {
  readonly type: "indent-if-break";
  readonly contents: Doc;
  readonly groupId: symbol;
  readonly negate: false;
}

export interface Fill {
  readonly type: "fill";
  /** Content and separator (a line) alternating. */
  readonly parts: readonly Doc[];
}

export const line: Line = { type: "line" };
export const softline: Line = { type: "line", soft: true };
export const breakParent: BreakParent = { type: "break-parent" };
export const hardline: Doc = [{ type: "line", hard: true }, breakParent];

/** Breaks (as a whole) when it does not fit on the line. */
export function group(contents: Doc, options: { readonly shouldBreak?: boolean; readonly id?: symbol } = {}): Doc {
  const flat = flatten(contents);
  const mustBreak = options.shouldBreak === true || hasForcedBreak(flat);
  return { type: "group", contents: flat, break: mustBreak, ...(options.id !== undefined && { id: options.id }) };
}

/**
 * The first of `states` that fits, else the last, broken. A break inside does not break the
 * groups around it (as in prettier): callers add `breakParent` when they need that.
 */
export function conditionalGroup(states: readonly Doc[]): Doc {
  return { type: "group", contents: states[0] ?? "", break: false, expandedStates: states };
}

/**
 * A doc that prints as `build()` would (a group, or text and then one), given `flat`, the text it
 * prints on one line, when nothing in it must break, no group in it is named (an `indentIfBreak`
 * outside could not see it laid out) and it holds no fill (which measures its parts, and may break
 * between them, even where its group is laid out flat): a conditional group of the text and the
 * doc, which is built only when the text does not fit. Most code of a big API fits on its line;
 * its docs are never built.
 */
export function flatOr(flat: string, build: () => Doc): Doc {
  return new FlatOr(flat, build);
}

/** A class, not an object with a getter: every instance then shares one shape, as groups do. */
class FlatOr implements Group {
  readonly type = "group";
  readonly break = false;
  #states: readonly Doc[] | undefined;
  constructor(
    readonly contents: string,
    private readonly build: () => Doc,
  ) {}

  get expandedStates(): readonly Doc[] {
    return (this.#states ??= [this.contents, this.build()]);
  }
}

/** Indentation only shows after a line break: text alone needs none. */
export function indent(contents: Doc): Doc {
  const flat = flatten(contents);
  return typeof flat === "string" ? flat : { type: "indent", contents: flat };
}

export function align(width: number, contents: Doc): Doc {
  const flat = flatten(contents);
  return typeof flat === "string" ? flat : { type: "align", contents: flat, n: width };
}

export function ifBreak(breakContents: Doc, flatContents: Doc = ""): Doc {
  return { type: "if-break", breakContents, flatContents };
}

/** Indented when the group `groupId` breaks. */
export function indentIfBreak(contents: Doc, groupId: symbol): Doc {
  return { type: "indent-if-break", contents, groupId, negate: false };
}

export function fill(parts: readonly Doc[]): Doc {
  return { type: "fill", parts };
}

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  return docs.flatMap((doc, i) => (i === 0 ? [doc] : [separator, doc]));
}

/** Whether the doc holds a line break it must print (prettier's `willBreak`). */
export function willBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (isDocArray(doc)) return doc.some(willBreak);
  switch (doc.type) {
    case "group":
      return doc.break || willBreak(doc.contents);
    case "line":
      return doc.hard === true;
    case "break-parent":
      return true;
    case "if-break":
      return willBreak(doc.breakContents) || willBreak(doc.flatContents);
    case "fill":
      return doc.parts.some(willBreak);
    default:
      return willBreak(doc.contents);
  }
}

/**
 * Whether a group around `doc` must break, as prettier's `propagateBreaks` decides: a hard line
 * or a breaking group breaks every group around it, up to the nearest conditional group.
 */
function hasForcedBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (isDocArray(doc)) return doc.some(hasForcedBreak);
  switch (doc.type) {
    case "group":
      return doc.break;
    case "line":
      return false;
    case "break-parent":
      return true;
    case "if-break":
      return hasForcedBreak(doc.breakContents) || hasForcedBreak(doc.flatContents);
    case "fill":
      return doc.parts.some(hasForcedBreak);
    default:
      return hasForcedBreak(doc.contents);
  }
}

/**
 * A concatenation flattened into one array, empty strings dropped; a single part is that part.
 * Arrays only concatenate, so this prints the same.
 */
function flatten(doc: Doc): Doc {
  if (!isDocArray(doc)) return doc;
  const parts: Doc[] = [];
  appendFlat(parts, doc);
  if (parts.length === 0) return "";
  return parts.length === 1 ? (parts[0] as Doc) : parts;
}

function appendFlat(parts: Doc[], docs: readonly Doc[]): void {
  for (const doc of docs) {
    if (isDocArray(doc)) appendFlat(parts, doc);
    else if (doc !== "") parts.push(doc);
  }
}

/** `Array.isArray` does not narrow a readonly array out of a union. */
export function isDocArray(doc: Doc): doc is readonly Doc[] {
  return Array.isArray(doc);
}

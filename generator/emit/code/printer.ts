/**
 * Docs → text, by prettier's layout algorithm (its `printDocToString`, for the doc commands
 * doc.ts builds) at prettier's defaults: 80 columns, 2-space indents. Same decisions, same text;
 * what it leaves out is what gen-client never needs (tabs, cursors, line suffixes, trims, labels),
 * and the pass that finds which groups must break (doc.ts knows as it builds them). It lays
 * GitHub's SDK out in about a third of the time prettier's printer takes.
 */
import { printer, type builders } from "prettier/doc";
import { fill, isDocArray, type Doc, type Group } from "./doc.js";

const WIDTH = 80;
const INDENT_WIDTH = 2;

type Mode = "break" | "flat";

interface Command {
  /** Columns of indentation after a line break. */
  readonly indent: number;
  readonly mode: Mode;
  readonly doc: Doc;
}

/**
 * A layout decision needs the width of text whose width in columns may not be its length (emoji,
 * East Asian wide characters…): prettier's printer, which knows those widths, prints the doc.
 * Most such text is in doc comments, which are never measured: their line ends right after.
 */
class UnmeasuredText extends Error {}

/** Printable ASCII is as wide as it is long; anything else: unknown here (NaN). */
function textWidth(text: string): number {
  return /[^\x20-\x7f]/.test(text) ? Number.NaN : text.length;
}

function measured(width: number): number {
  if (Number.isNaN(width)) throw new UnmeasuredText();
  return width;
}

export function printDoc(doc: Doc): string {
  try {
    return layout(doc);
  } catch (error) {
    if (!(error instanceof UnmeasuredText)) throw error;
    // Docs have the shape of prettier's (doc.ts), whose types are looser about readonly.
    return printer.printDocToString(doc as builders.Doc, { printWidth: WIDTH, tabWidth: INDENT_WIDTH, useTabs: false }).formatted;
  }
}

function layout(root: Doc): string {
  const lines: string[] = [];
  let text = "";
  let position = 0;
  // After a hard line inside a flat group, groups are measured again instead of printed flat.
  let shouldRemeasure = false;
  const groupModes = new Map<symbol, Mode>();
  const commands: Command[] = [{ indent: 0, mode: "break", doc: root }];

  const groupCommand = (indent: number, mode: Mode, doc: Group): Command => {
    if (mode === "flat" && !shouldRemeasure) return { indent, mode: doc.break ? "break" : "flat", doc: doc.contents };
    shouldRemeasure = false;
    const flat: Command = { indent, mode: "flat", doc: doc.contents };
    if (!doc.break && fits(flat, commands, WIDTH - measured(position), false)) return flat;
    const states = doc.expandedStates;
    if (!states) return { indent, mode: "break", doc: doc.contents };
    if (!doc.break) {
      // A conditional group's layouts between the first and the last, which is printed broken.
      for (let i = 1; i < states.length - 1; i++) {
        const state: Command = { indent, mode: "flat", doc: states[i] ?? "" };
        if (fits(state, commands, WIDTH - measured(position), false)) return state;
      }
    }
    return { indent, mode: "break", doc: states[states.length - 1] ?? "" };
  };

  for (let command = commands.pop(); command; command = commands.pop()) {
    const { indent, mode, doc } = command;
    if (typeof doc === "string") {
      text += doc;
      position += textWidth(doc);
      continue;
    }
    if (isDocArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) commands.push({ indent, mode, doc: doc[i] ?? "" });
      continue;
    }
    switch (doc.type) {
      case "indent":
        commands.push({ indent: indent + INDENT_WIDTH, mode, doc: doc.contents });
        break;
      case "align":
        commands.push({ indent: indent + doc.n, mode, doc: doc.contents });
        break;
      case "group": {
        const next = groupCommand(indent, mode, doc);
        commands.push(next);
        if (doc.id !== undefined) groupModes.set(doc.id, next.mode);
        break;
      }
      case "fill":
        commands.push(...fillCommands(indent, mode, doc.parts, WIDTH - measured(position)));
        break;
      case "if-break": {
        const contents = mode === "break" ? doc.breakContents : doc.flatContents;
        if (contents !== "") commands.push({ indent, mode, doc: contents });
        break;
      }
      case "indent-if-break": {
        // Nothing when the group has not been laid out yet, as in prettier.
        const groupMode = groupModes.get(doc.groupId);
        if (groupMode !== undefined) commands.push({ indent: groupMode === "break" ? indent + INDENT_WIDTH : indent, mode, doc: doc.contents });
        break;
      }
      case "line":
        if (mode === "flat" && doc.hard !== true) {
          if (doc.soft !== true) {
            text += " ";
            position += 1;
          }
          break;
        }
        if (mode === "flat") shouldRemeasure = true;
        lines.push(trimTrailingBlanks(text));
        text = " ".repeat(indent);
        position = indent;
        break;
      case "break-parent":
        break;
    }
  }
  lines.push(text);
  return lines.join("\n");
}

/**
 * A fill puts as many of its contents on a line as fit, breaking only the separators between
 * them that must: the next content and separator, then a command for the rest of the fill.
 */
function fillCommands(indent: number, mode: Mode, parts: readonly Doc[], remaining: number): Command[] {
  const [content, separator, second] = parts;
  if (content === undefined) return [];
  const contentFits = fits({ indent, mode: "flat", doc: content }, [], remaining, true);
  const contentCommand: Command = { indent, mode: contentFits ? "flat" : "break", doc: content };
  if (separator === undefined) return [contentCommand];
  if (second === undefined) return [{ indent, mode: contentFits ? "flat" : "break", doc: separator }, contentCommand];
  const bothFit = fits({ indent, mode: "flat", doc: [content, separator, second] }, [], remaining, true);
  // Pushed last, popped first: the content, then its separator, then the rest.
  return [{ indent, mode, doc: fill(parts.slice(2)) }, { indent, mode: bothFit ? "flat" : "break", doc: separator }, contentCommand];
}

/**
 * Whether `next` fits in `width` columns followed by the rest of its line: the commands after it
 * (`rest`, read from the end) up to their first possible line break. `mustBeFlat`: a group that
 * has to break does not fit.
 */
function fits(next: Command, rest: readonly Command[], width: number, mustBeFlat: boolean): boolean {
  let remaining = width;
  let restIndex = rest.length;
  // A space counts only before more text: trailing blanks are trimmed at the line's end.
  let hasPendingSpace = false;
  const stack: Pick<Command, "mode" | "doc">[] = [next];
  while (remaining >= 0) {
    const entry = stack.pop() ?? (restIndex > 0 ? rest[--restIndex] : undefined);
    if (entry === undefined) return true;
    const { mode, doc } = entry;
    if (typeof doc === "string") {
      if (doc !== "") {
        if (hasPendingSpace) remaining -= 1;
        hasPendingSpace = false;
        remaining -= measured(textWidth(doc));
      }
      continue;
    }
    if (isDocArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) stack.push({ mode, doc: doc[i] ?? "" });
      continue;
    }
    switch (doc.type) {
      case "fill":
        for (let i = doc.parts.length - 1; i >= 0; i--) stack.push({ mode, doc: doc.parts[i] ?? "" });
        break;
      case "indent":
      case "align":
      case "indent-if-break":
        stack.push({ mode, doc: doc.contents });
        break;
      case "group": {
        if (mustBeFlat && doc.break) return false;
        const groupMode = doc.break ? "break" : mode;
        const states = doc.expandedStates;
        stack.push({ mode: groupMode, doc: states && groupMode === "break" ? (states[states.length - 1] ?? "") : doc.contents });
        break;
      }
      case "if-break": {
        const contents = mode === "break" ? doc.breakContents : doc.flatContents;
        if (contents !== "") stack.push({ mode, doc: contents });
        break;
      }
      case "line":
        if (mode === "break" || doc.hard === true) return true;
        if (doc.soft !== true) hasPendingSpace = true;
        break;
      case "break-parent":
        break;
    }
  }
  return false;
}

/** Like prettier, no line ends in spaces or tabs (an indent with nothing after it, say). */
function trimTrailingBlanks(line: string): string {
  const last = line.charCodeAt(line.length - 1);
  return last === 0x20 || last === 0x09 ? line.replace(/[ \t]+$/, "") : line;
}

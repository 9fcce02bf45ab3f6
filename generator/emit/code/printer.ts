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

/**
 * Commands waiting to be printed, as parallel arrays (an indent, a mode and a doc each) rather
 * than an object per command: a big API's layout pushes tens of millions of them.
 */
class Commands {
  readonly indents: number[] = [];
  readonly modes: Mode[] = [];
  readonly docs: Doc[] = [];

  get length(): number {
    return this.docs.length;
  }

  push(indent: number, mode: Mode, doc: Doc): void {
    this.indents.push(indent);
    this.modes.push(mode);
    this.docs.push(doc);
  }
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
  const commands = new Commands();
  const { indents, modes, docs } = commands;
  commands.push(0, "break", root);

  /** Pushes the command a group becomes: flat when it fits, else its first layout that does. */
  const pushGroup = (indent: number, mode: Mode, doc: Group): Mode => {
    if (mode === "flat" && !shouldRemeasure) {
      const groupMode = doc.break ? "break" : "flat";
      commands.push(indent, groupMode, doc.contents);
      return groupMode;
    }
    shouldRemeasure = false;
    if (!doc.break && fits("flat", doc.contents, commands, WIDTH - measured(position), false)) {
      commands.push(indent, "flat", doc.contents);
      return "flat";
    }
    const states = doc.expandedStates;
    if (!states) {
      commands.push(indent, "break", doc.contents);
      return "break";
    }
    if (!doc.break) {
      // A conditional group's layouts between the first and the last, which is printed broken.
      for (let i = 1; i < states.length - 1; i++) {
        const state = states[i] ?? "";
        if (fits("flat", state, commands, WIDTH - measured(position), false)) {
          commands.push(indent, "flat", state);
          return "flat";
        }
      }
    }
    commands.push(indent, "break", states[states.length - 1] ?? "");
    return "break";
  };

  while (docs.length > 0) {
    const indent = indents.pop()!;
    const mode = modes.pop()!;
    const doc = docs.pop()!;
    if (typeof doc === "string") {
      text += doc;
      position += textWidth(doc);
      continue;
    }
    if (isDocArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) commands.push(indent, mode, doc[i] ?? "");
      continue;
    }
    switch (doc.type) {
      case "indent":
        commands.push(indent + INDENT_WIDTH, mode, doc.contents);
        break;
      case "align":
        commands.push(indent + doc.n, mode, doc.contents);
        break;
      case "group": {
        const groupMode = pushGroup(indent, mode, doc);
        if (doc.id !== undefined) groupModes.set(doc.id, groupMode);
        break;
      }
      case "fill":
        pushFill(commands, indent, mode, doc.parts, WIDTH - measured(position));
        break;
      case "if-break": {
        const contents = mode === "break" ? doc.breakContents : doc.flatContents;
        if (contents !== "") commands.push(indent, mode, contents);
        break;
      }
      case "indent-if-break": {
        // Nothing when the group has not been laid out yet, as in prettier.
        const groupMode = groupModes.get(doc.groupId);
        if (groupMode !== undefined) commands.push(groupMode === "break" ? indent + INDENT_WIDTH : indent, mode, doc.contents);
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
        text = indentation(indent);
        position = indent;
        break;
      case "break-parent":
        break;
    }
  }
  lines.push(text);
  return lines.join("\n");
}

const INDENTATIONS: string[] = [];

function indentation(width: number): string {
  return (INDENTATIONS[width] ??= " ".repeat(width));
}

const NO_COMMANDS = new Commands();

/**
 * A fill puts as many of its contents on a line as fit, breaking only the separators between
 * them that must: the next content and separator, then a command for the rest of the fill.
 */
function pushFill(commands: Commands, indent: number, mode: Mode, parts: readonly Doc[], remaining: number): void {
  const [content, separator, second] = parts;
  if (content === undefined) return;
  const contentMode = fits("flat", content, NO_COMMANDS, remaining, true) ? "flat" : "break";
  if (separator === undefined) {
    commands.push(indent, contentMode, content);
    return;
  }
  if (second === undefined) {
    commands.push(indent, contentMode, separator);
    commands.push(indent, contentMode, content);
    return;
  }
  const bothFit = fits("flat", [content, separator, second], NO_COMMANDS, remaining, true);
  // Pushed last, popped first: the content, then its separator, then the rest.
  commands.push(indent, mode, fill(parts.slice(2)));
  commands.push(indent, bothFit ? "flat" : "break", separator);
  commands.push(indent, contentMode, content);
}

const FITS_MODES: Mode[] = [];
const FITS_DOCS: Doc[] = [];

/**
 * Whether `doc`, laid out in `mode`, fits in `width` columns followed by the rest of its line: the
 * commands after it (`rest`, read from the end) up to their first possible line break.
 * `mustBeFlat`: a group that has to break does not fit.
 */
function fits(mode: Mode, doc: Doc, rest: Commands, width: number, mustBeFlat: boolean): boolean {
  let remaining = width;
  let restIndex = rest.length;
  // A space counts only before more text: trailing blanks are trimmed at the line's end.
  let hasPendingSpace = false;
  // One pair of stacks for every measurement (they never nest), emptied as each starts.
  const modes = FITS_MODES;
  const docs = FITS_DOCS;
  modes.length = 0;
  docs.length = 0;
  modes.push(mode);
  docs.push(doc);
  while (remaining >= 0) {
    let entryMode: Mode;
    let entry: Doc;
    if (docs.length > 0) {
      entryMode = modes.pop()!;
      entry = docs.pop()!;
    } else if (restIndex > 0) {
      restIndex--;
      entryMode = rest.modes[restIndex]!;
      entry = rest.docs[restIndex]!;
    } else return true;
    if (typeof entry === "string") {
      if (entry !== "") {
        if (hasPendingSpace) remaining -= 1;
        hasPendingSpace = false;
        remaining -= measured(textWidth(entry));
      }
      continue;
    }
    if (isDocArray(entry)) {
      for (let i = entry.length - 1; i >= 0; i--) {
        modes.push(entryMode);
        docs.push(entry[i] ?? "");
      }
      continue;
    }
    switch (entry.type) {
      case "fill":
        for (let i = entry.parts.length - 1; i >= 0; i--) {
          modes.push(entryMode);
          docs.push(entry.parts[i] ?? "");
        }
        break;
      case "indent":
      case "align":
      case "indent-if-break":
        modes.push(entryMode);
        docs.push(entry.contents);
        break;
      case "group": {
        if (mustBeFlat && entry.break) return false;
        const groupMode = entry.break ? "break" : entryMode;
        // Read only when needed: a doc from `flatOr` builds its states when they are read.
        const states = groupMode === "break" ? entry.expandedStates : undefined;
        modes.push(groupMode);
        docs.push(states ? (states[states.length - 1] ?? "") : entry.contents);
        break;
      }
      case "if-break": {
        const contents = entryMode === "break" ? entry.breakContents : entry.flatContents;
        if (contents !== "") {
          modes.push(entryMode);
          docs.push(contents);
        }
        break;
      }
      case "line":
        if (entryMode === "break" || entry.hard === true) return true;
        if (entry.soft !== true) hasPendingSpace = true;
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

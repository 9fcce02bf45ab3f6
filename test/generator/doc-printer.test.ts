/**
 * gen-client builds its docs with its own builders (generator/emit/code/doc.ts: text joined,
 * breaks decided as groups are built) and lays them out with its own port of prettier's printer
 * (printer.ts). fast-check makes random docs of every command the emitters use, each built both
 * ways: ours must print exactly what prettier's builders and printer make of the same doc.
 */
import fc from "fast-check";
import { builders, printer, utils } from "prettier/doc";
import { describe, expect, it } from "vitest";
import * as ours from "../../generator/emit/code/doc.js";
import { printDoc } from "../../generator/emit/code/printer.js";

/** A doc as a tree of builder calls, to build with either set of builders. */
type Recipe =
  | { readonly k: "text"; readonly text: string }
  | { readonly k: "line" | "softline" | "hardline" | "breakParent" }
  | { readonly k: "concat"; readonly parts: readonly Recipe[] }
  | { readonly k: "group"; readonly contents: Recipe; readonly shouldBreak: boolean; readonly id: 0 | 1 | undefined }
  | { readonly k: "conditionalGroup"; readonly states: readonly Recipe[] }
  | { readonly k: "indent"; readonly contents: Recipe }
  | { readonly k: "align"; readonly contents: Recipe }
  | { readonly k: "ifBreak"; readonly breakContents: Recipe; readonly flatContents: Recipe }
  | { readonly k: "indentIfBreak"; readonly contents: Recipe; readonly id: 0 | 1 }
  | { readonly k: "fill"; readonly parts: readonly Recipe[] }
  /** A group, built by ours as `flatOr` when nothing in it must break (see `buildOurs`). */
  | { readonly k: "flatOr"; readonly contents: Recipe };

/** Group ids a doc may name: a group takes one, an `indentIfBreak` reads it. */
const IDS = [Symbol("a"), Symbol("b")] as const;

function buildOurs(recipe: Recipe): ours.Doc {
  switch (recipe.k) {
    case "text":
      return recipe.text;
    case "line":
    case "softline":
    case "hardline":
    case "breakParent":
      return ours[recipe.k];
    case "concat":
      return recipe.parts.map(buildOurs);
    case "group":
      return ours.group(buildOurs(recipe.contents), { shouldBreak: recipe.shouldBreak, ...(recipe.id !== undefined && { id: IDS[recipe.id] }) });
    case "conditionalGroup":
      return ours.conditionalGroup(recipe.states.map(buildOurs));
    case "indent":
      return ours.indent(buildOurs(recipe.contents));
    case "align":
      return ours.align(2, buildOurs(recipe.contents));
    case "ifBreak":
      return ours.ifBreak(buildOurs(recipe.breakContents), buildOurs(recipe.flatContents));
    case "indentIfBreak":
      return ours.indentIfBreak(buildOurs(recipe.contents), IDS[recipe.id]);
    case "fill":
      return ours.fill(ours.join(ours.line, recipe.parts.map(buildOurs)));
    case "flatOr": {
      const build = () => ours.group(buildOurs(recipe.contents));
      const flat = flatOrText(recipe.contents);
      return flat === undefined ? build() : ours.flatOr(flat, build);
    }
  }
}

/**
 * The text a group of `contents` prints on one line, when `flatOr` may stand for it: nothing in
 * it must break, no group in it is named (an `indentIfBreak` elsewhere could not see it laid out),
 * and it holds no fill (which may break between its parts even where its group is laid out flat).
 */
function flatOrText(contents: Recipe): string | undefined {
  if (ours.willBreak(ours.group(buildOurs(contents))) || isBeyondFlatOr(contents)) return undefined;
  const flat = printer.printDocToString(builders.group(buildPrettiers(contents)), { printWidth: Number.MAX_SAFE_INTEGER, tabWidth: 2, useTabs: false }).formatted;
  return flat.includes("\n") ? undefined : flat;
}

/** A named group, an `indentIfBreak` or a fill anywhere in `recipe`. */
function isBeyondFlatOr(recipe: Recipe): boolean {
  switch (recipe.k) {
    case "group":
      return recipe.id !== undefined || isBeyondFlatOr(recipe.contents);
    case "indentIfBreak":
    case "fill":
      return true;
    case "concat":
      return recipe.parts.some(isBeyondFlatOr);
    case "conditionalGroup":
      return recipe.states.some(isBeyondFlatOr);
    case "ifBreak":
      return isBeyondFlatOr(recipe.breakContents) || isBeyondFlatOr(recipe.flatContents);
    case "indent":
    case "align":
    case "flatOr":
      return isBeyondFlatOr(recipe.contents);
    default:
      return false;
  }
}

function buildPrettiers(recipe: Recipe): builders.Doc {
  switch (recipe.k) {
    case "text":
      return recipe.text;
    case "line":
    case "softline":
    case "hardline":
    case "breakParent":
      return builders[recipe.k];
    case "concat":
      return recipe.parts.map(buildPrettiers);
    case "group":
      return builders.group(buildPrettiers(recipe.contents), { shouldBreak: recipe.shouldBreak, ...(recipe.id !== undefined && { id: IDS[recipe.id] }) });
    case "conditionalGroup":
      return builders.conditionalGroup(recipe.states.map(buildPrettiers));
    case "indent":
      return builders.indent(buildPrettiers(recipe.contents));
    case "align":
      return builders.align(2, buildPrettiers(recipe.contents));
    case "ifBreak":
      return builders.ifBreak(buildPrettiers(recipe.breakContents), buildPrettiers(recipe.flatContents));
    case "indentIfBreak":
      return builders.indentIfBreak(buildPrettiers(recipe.contents), { groupId: IDS[recipe.id] });
    case "fill":
      return builders.fill(builders.join(builders.line, recipe.parts.map(buildPrettiers)));
    case "flatOr":
      return builders.group(buildPrettiers(recipe.contents));
  }
}

const prettierPrint = (doc: builders.Doc) => printer.printDocToString(doc, { printWidth: 80, tabWidth: 2, useTabs: false }).formatted;

const text = fc
  .oneof(
    fc.constantFrom("", " ", "x", "(", ")", ",", ": ", "foo", "  trailing  "),
    fc.string({ unit: fc.constantFrom("a", "b", " ", "."), maxLength: 12 }),
    // Not ASCII: as wide as long (é), or wider (世, 👍).
    fc.string({ unit: fc.constantFrom("a", "é", "世", "👍"), maxLength: 8 }),
    fc.string({ unit: fc.constantFrom("w", "-"), minLength: 20, maxLength: 70 }),
  )
  .map((each): Recipe => ({ k: "text", text: each }));
const id = fc.constantFrom<0 | 1>(0, 1);

const { recipe: recipeArbitrary } = fc.letrec<{ recipe: Recipe; content: Recipe }>((tie) => ({
  recipe: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc.constantFrom<Recipe>({ k: "line" }, { k: "softline" }, { k: "hardline" }, { k: "breakParent" }),
    fc.array(tie("recipe"), { maxLength: 5 }).map((parts): Recipe => ({ k: "concat", parts })),
    fc.record({ contents: tie("recipe"), shouldBreak: fc.boolean(), id: fc.option(id, { nil: undefined }) }).map((group): Recipe => ({ k: "group", ...group })),
    fc.array(tie("recipe"), { minLength: 1, maxLength: 3 }).map((states): Recipe => ({ k: "conditionalGroup", states })),
    tie("recipe").map((contents): Recipe => ({ k: "indent", contents })),
    tie("recipe").map((contents): Recipe => ({ k: "align", contents })),
    fc.record({ breakContents: tie("recipe"), flatContents: tie("recipe") }).map((ifBreak): Recipe => ({ k: "ifBreak", ...ifBreak })),
    fc.record({ contents: tie("recipe"), id }).map((indentIfBreak): Recipe => ({ k: "indentIfBreak", ...indentIfBreak })),
    fc.array(tie("content"), { maxLength: 6 }).map((parts): Recipe => ({ k: "fill", parts })),
    tie("recipe").map((contents): Recipe => ({ k: "flatOr", contents })),
    // An assignment's shape: the group named first, then the part indented when it breaks.
    fc.tuple(tie("recipe"), tie("recipe")).map(([contents, rest]): Recipe => ({
      k: "concat",
      parts: [{ k: "group", contents: { k: "indent", contents: { k: "line" } }, shouldBreak: false, id: 0 }, { k: "indentIfBreak", contents, id: 0 }, rest],
    })),
    // A hard line printed flat (in a conditional group's layout) makes the groups after it measure again.
    fc.tuple(tie("recipe"), tie("recipe"), tie("recipe")).map(([before, after, other]): Recipe => ({
      k: "conditionalGroup",
      states: [{ k: "concat", parts: [before, { k: "hardline" }, after] }, other],
    })),
  ),
  // fill contents: anything but bare lines, which are its separators.
  content: fc.oneof(text, tie("recipe").map((contents): Recipe => ({ k: "group", contents, shouldBreak: false, id: undefined }))),
}));

describe("the doc builders and printer", () => {
  it("print every doc as prettier's builders and printer do", () => {
    fc.assert(
      fc.property(recipeArbitrary, (recipe) => {
        expect(printDoc(buildOurs(recipe))).toBe(prettierPrint(buildPrettiers(recipe)));
      }),
      { numRuns: 5000 },
    );
  });

  it("print a fill where flatOr would have stood for it as prettier does: the line is laid out flat after a hard line, does not fit, and the fill breaks", () => {
    const texts = (...each: string[]): Recipe[] => each.map((text) => ({ k: "group", contents: { k: "text", text }, shouldBreak: false, id: undefined }));
    const recipe: Recipe = {
      k: "conditionalGroup",
      states: [
        {
          k: "concat",
          parts: [
            { k: "hardline" },
            { k: "group", contents: { k: "indent", contents: { k: "line" } }, shouldBreak: false, id: 0 },
            { k: "indentIfBreak", contents: { k: "text", text: "w".repeat(30) }, id: 0 },
            { k: "flatOr", contents: { k: "fill", parts: texts("aaaa👍aaa", "👍世👍世👍👍世", "aa👍aa", "世", "  trailing  ", ": ") } },
          ],
        },
        { k: "text", text: "w".repeat(20) },
      ],
    };
    const printed = printDoc(buildOurs(recipe));
    expect(printed).toBe(prettierPrint(buildPrettiers(recipe)));
    expect(printed).toContain("trailing\n");
  });

  it("agree with prettier's willBreak", () => {
    fc.assert(
      fc.property(recipeArbitrary, (recipe) => {
        expect(ours.willBreak(buildOurs(recipe))).toBe(utils.willBreak(buildPrettiers(recipe)));
      }),
      { numRuns: 2000 },
    );
  });

  it("measure text that is not ASCII as prettier does (wide characters take two columns)", () => {
    const wide: Recipe = {
      k: "group",
      contents: { k: "concat", parts: [{ k: "text", text: "const greeting =" }, { k: "indent", contents: { k: "concat", parts: [{ k: "line" }, { k: "text", text: '"こんにちは、世界。こんにちは、世界。こんにちは、世界。こんにちは、世界。"' }] } }, { k: "text", text: ";" }] },
      shouldBreak: false,
      id: undefined,
    };
    const printed = printDoc(buildOurs(wide));
    expect(printed).toBe(prettierPrint(buildPrettiers(wide)));
    expect(printed).toContain("=\n  ");
  });
});

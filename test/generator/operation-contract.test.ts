import { describe, expect, expectTypeOf, it } from "vitest";
import type { OperationSpec, ParamSpec, ResponseSpec } from "../../runtime/operation.js";
import { Code, valueLiteral, type Written } from "../../generator/emit/code/value-literal.js";
import { id, printExpr } from "../../generator/emit/code/expressions.js";
import { printDoc } from "../../generator/emit/code/printer.js";

const print = (value: unknown, expanded: (path: readonly string[]) => boolean = () => false) => printDoc(printExpr(valueLiteral(value, expanded)));

describe("the operation contract", () => {
  it("makes the emitter state every field of the runtime's types, optional ones included", () => {
    // operations.ts builds a `Written<OperationSpec>`: a field added to `OperationSpec` (or to a
    // type under it) is a property the emitter's object lacks, and the repo stops type-checking.
    expectTypeOf<keyof Written<OperationSpec>>().toEqualTypeOf<keyof OperationSpec>();
    expectTypeOf<keyof Written<ParamSpec>>().toEqualTypeOf<keyof ParamSpec>();
    expectTypeOf<keyof Written<ResponseSpec>>().toEqualTypeOf<keyof ResponseSpec>();
    type Grown = ParamSpec & { readonly deprecated?: boolean };
    const stated: Written<ParamSpec> = { name: "id", in: "path", key: undefined, style: "simple", explode: false, allowReserved: undefined, json: undefined, schema: undefined };
    expectTypeOf(stated).toExtend<Written<ParamSpec>>();
    expectTypeOf(stated).not.toExtend<Written<Grown>>();
    expectTypeOf({ ...stated, deprecated: undefined }).toExtend<Written<Grown>>();
    // Validators are code the emitter writes, never data.
    expectTypeOf<Written<ParamSpec>["schema"]>().toEqualTypeOf<Code | undefined>();
  });

  it("writes maps in their order, leaves out undefined fields and prints code leaves as they are", () => {
    const responses = new Map([
      ["404", { kind: "empty" }],
      ["200", { kind: "json", schema: new Code(id("PetSchema")), text: undefined }],
    ]);
    expect(print({ id: "getPet", responses }, (path) => path.length <= 1)).toBe(
      ["{", '  id: "getPet",', "  responses: {", '    "404": { kind: "empty" },', '    "200": { kind: "json", schema: PetSchema },', "  },", "}"].join("\n"),
    );
  });

  it("prints nested arrays, numbers, booleans and null", () => {
    expect(print({ items: ["meta", "next"], firstPage: 0, explode: true, none: null })).toBe(
      '{ items: ["meta", "next"], firstPage: 0, explode: true, none: null }',
    );
  });
});

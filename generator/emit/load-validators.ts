/**
 * What operations.ts's validators are made of — zod, schemas.ts and the runtime's date-time codec,
 * each only if a spec refers to it — and the SDK's load-validators.ts, which imports them on the
 * first call that needs them, so that importing an SDK loads none of them and `validate: "off"`
 * never does. Only client.ts imports load-validators.ts: its dynamic imports would otherwise make a
 * bundler split every schema into chunks of an app that uses funcs.ts alone.
 */
import { id, inlineObject, type Expr } from "./code/expressions.js";
import { stringLiteral } from "./code/literals.js";
import type { Statement } from "./code/module.js";
import type { EmitContext } from "./context.js";

/** A module-level binding of operations.ts that the loader fills in. */
export type LazyBinding = "z" | "s" | "isoDateTime";

interface Part {
  /** The type of the binding, given the type-only imports below. */
  readonly type: string;
  readonly typeImport: (ctx: EmitContext) => Statement;
  /** How testing.ts imports it up front, and the name it has there. */
  readonly valueImport: (ctx: EmitContext) => Statement;
  readonly localName: string;
  /** The statement of `importValidators()` that imports it (see `assignment`). */
  readonly load: (ctx: EmitContext) => { readonly left: string; readonly right: string };
}

const PARTS: Readonly<Record<LazyBinding, Part>> = {
  z: {
    type: "typeof Zod.z",
    typeImport: (ctx) => ({ s: "importNamespace", typeOnly: true, from: ctx.zodModule(), as: "Zod" }),
    valueImport: (ctx) => ({ s: "import", from: ctx.zodModule(), names: [{ name: "z" }] }),
    localName: "z",
    load: (ctx) => ({ left: "const { z }", right: `await import(${stringLiteral(ctx.zodModule())})` }),
  },
  s: {
    type: "typeof Schemas",
    typeImport: () => ({ s: "importNamespace", typeOnly: true, from: "./schemas.js", as: "Schemas" }),
    valueImport: () => ({ s: "importNamespace", from: "./schemas.js", as: "schemas" }),
    localName: "schemas",
    load: () => ({ left: "const s", right: 'await import("./schemas.js")' }),
  },
  isoDateTime: {
    type: "typeof Dates.isoDateTime",
    typeImport: (ctx) => ({ s: "importNamespace", typeOnly: true, from: ctx.runtimeModule("dates.js"), as: "Dates" }),
    valueImport: (ctx) => ({ s: "import", from: ctx.runtimeModule("dates.js"), names: [{ name: "isoDateTime" }] }),
    localName: "isoDateTime",
    load: (ctx) => ({ left: "const { isoDateTime }", right: `await import(${stringLiteral(ctx.runtimeModule("dates.js"))})` }),
  },
};

export const LAZY_BINDINGS = Object.keys(PARTS) as LazyBinding[];

/**
 * Whether the SDK has validators for its clients and functions to run: not when generated with
 * `validate: "off"` (unless its dates need them), so that nothing it bundles imports zod or
 * schemas.ts, and its clients refuse to validate (runtime/call.ts's `assertValidators`).
 * operations.ts still names the schemas, for testing.ts's mocks, which load them up front.
 */
export function hasValidators(ctx: EmitContext): boolean {
  return ctx.options.validate !== "off" || ctx.options.dates === "date";
}

/** What load-validators.ts imports; none when the SDK has no validators to run. */
export function loadedBindings(ctx: EmitContext, lazy: readonly LazyBinding[]): readonly LazyBinding[] {
  return hasValidators(ctx) ? lazy : [];
}

/** The type-only imports the loader's types need. */
export function loaderImports(ctx: EmitContext, bindings: readonly LazyBinding[]): Statement[] {
  return bindings.map((binding) => PARTS[binding].typeImport(ctx));
}

/** operations.ts's bindings, and `useValidators()`, which load-validators.ts and testing.ts fill them in with. */
export function validatorBindings(bindings: readonly LazyBinding[]): Statement {
  const text = [
    "/** What the validators below are made of: see load-validators.ts. */",
    "export interface Validators {",
    ...bindings.map((binding) => `  readonly ${binding}: ${PARTS[binding].type};`),
    "}",
    "",
    ...bindings.map((binding) => `let ${binding}: Validators["${binding}"];`),
    "",
    "/** Hands them over: load-validators.ts does before the first call that validates, testing.ts at once. */",
    "export function useValidators(validators: Validators): void {",
    `  ({ ${bindings.join(", ")} } = validators);`,
    "}",
  ];
  return { s: "verbatim", text: text.join("\n") };
}

/** `load-validators.ts`: `loadValidators()`, which client.ts hands to the runtime. */
export function loaderModule(ctx: EmitContext, bindings: readonly LazyBinding[]): Statement[] {
  const text = [
    "let validatorsLoaded: Promise<void> | undefined;",
    "",
    "/**",
    " * Imports what the validators are made of. The runtime awaits it before the first call that",
    " * validates or decodes a body, so importing the SDK loads neither zod nor the validators (on a",
    " * big API, half of its code).",
    " */",
    "export function loadValidators(): Promise<void> {",
    "  validatorsLoaded ??= importValidators();",
    "  return validatorsLoaded;",
    "}",
    "",
    "async function importValidators(): Promise<void> {",
    ...bindings.map((binding) => assignment(PARTS[binding].load(ctx))),
    `  useValidators({ ${bindings.join(", ")} });`,
    "}",
  ];
  return [{ s: "import", from: "./operations.js", names: [{ name: "useValidators" }] }, { s: "verbatim", text: text.join("\n") }];
}

/** testing.ts's imports of the same, made up front: its mocks check replies as they are registered. */
export function eagerImports(ctx: EmitContext, bindings: readonly LazyBinding[]): Statement[] {
  return bindings.map((binding) => PARTS[binding].valueImport(ctx));
}

/** The argument testing.ts hands to `useValidators()`: `{ z, s: schemas, … }`. */
export function eagerValidators(bindings: readonly LazyBinding[]): Expr {
  return inlineObject(bindings.map((binding) => ({ key: binding, value: id(PARTS[binding].localName) })));
}

/** `  left = right;` as prettier lays it out: on one line if it fits, else broken after `=`. */
function assignment({ left, right }: { readonly left: string; readonly right: string }): string {
  const line = `  ${left} = ${right};`;
  return line.length <= 80 ? line : `  ${left} =\n    ${right};`;
}

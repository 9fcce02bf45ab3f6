/**
 * Pay for what you use: `funcs/<operation>.ts`, one standalone function per operation over a
 * `ClientCore` (`core.ts`), and `validators.ts`, each operation's validators apart from its spec.
 * A func imports its own spec from operations.ts and its own validators, which import only the
 * schemas they reach; every one of these exports is side-effect free (schemas.ts's are marked
 * pure), so a bundler keeps only what the app's imports reach. `createClient` is unchanged.
 */
import { posix } from "node:path";
import type { Operation } from "../ir/model.js";
import { apiSpec, clientMember } from "./client.js";
import { call, id, identifiers, object, pure, type Expr, type ObjectProperty } from "./code/expressions.js";
import type { Statement } from "./code/module.js";
import { tsRef, typeNames, type TsType } from "./code/types.js";
import type { EmitContext } from "./context.js";
import { checksParameter, lazyValidator } from "./operations.js";

/** The module of an operation's function, e.g. `funcs/repos-get.ts` for `reposGet`. */
export function funcPath(operation: Operation): string {
  return `funcs/${operation.name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.ts`;
}

/** Whether funcs carry validators: not in an SDK generated with `validate: "off"` (unless its dates need them). */
function funcsValidate(ctx: EmitContext): boolean {
  return ctx.options.validate !== "off" || ctx.options.dates === "date";
}

/** `core.ts`: `createClientCore`, the client's options, credentials and transport without any operation. */
export function coreModule(ctx: EmitContext): Statement[] {
  return [
    { s: "import", from: ctx.runtimeModule(), names: [{ name: "createCore" }, ...["ApiSpec", "ClientCore", "ClientOptions"].map((name) => ({ name, typeOnly: true }))] },
    { s: "import", typeOnly: true, from: "./client.js", names: [{ name: "Auth" }] },
    { s: "const", exported: false, name: "api", type: tsRef("ApiSpec"), value: apiSpec(ctx, false) },
    {
      s: "function",
      name: "createClientCore",
      params: [{ name: "options", type: tsRef("ClientOptions", [tsRef("Auth")]), initializer: object([]) }],
      returnType: tsRef("ClientCore"),
      body: [{ s: "return", value: call(id("createCore"), [id("options"), id("api")]) }],
      doc: [
        "Creates a core: a client without operations, for the functions in `funcs/`, which an app imports one",
        "by one so that its bundle holds only those: `await reposGet(core, args)`. Takes `createClient`'s options.",
      ],
    },
  ];
}

/** `validators.ts`: per operation, the validators of its parameters, body and responses. */
export function validatorsModule(ctx: EmitContext): Statement[] {
  const consts = [...validatorsOf(ctx)].map(([binding, value]) => ({ s: "const" as const, exported: true, name: binding, type: tsRef("OperationValidators"), value }));
  const used = identifiers(consts.map((statement) => statement.value));
  const schemas = [...used].filter((name) => name.endsWith("Schema")).sort();
  return [
    { s: "import", typeOnly: true, from: ctx.runtimeModule(), names: [{ name: "OperationValidators" }] },
    // A namespace import: unlike zod's `z` export, it lets a bundler keep only the parts used.
    ...(used.has("z") ? [{ s: "importNamespace", from: "zod", as: "z" } as const] : []),
    ...(used.has("ownProperties") ? [{ s: "import", from: ctx.runtimeModule(), names: [{ name: "ownProperties" }] } as const] : []),
    ...(used.has("isoDateTime") ? [{ s: "import", from: ctx.runtimeModule("dates.js"), names: [{ name: "isoDateTime" }] } as const] : []),
    ...(schemas.length > 0 ? [{ s: "import", from: "./schemas.js", names: schemas.map((name) => ({ name })) } as const] : []),
    ...consts,
  ];
}

/** An operation's entry of validators.ts, or undefined when it has nothing to check. */
function operationValidators(ctx: EmitContext, operation: Operation): Expr | undefined {
  const params: ObjectProperty[] = [];
  for (const parameter of operation.parameters) {
    const value = checksParameter(parameter) ? lazyValidator(ctx, parameter.schema, "write", id) : undefined;
    if (value !== undefined) params.push({ key: parameter.key, value });
  }
  const body = operation.body && operation.body.kind !== "binary" ? lazyValidator(ctx, operation.body.schema, "write", id) : undefined;
  const responses: ObjectProperty[] = [];
  for (const response of operation.responses) {
    const content = response.content;
    if (content === undefined || (content.stream ? content.stream.text : content.kind !== "json")) continue;
    const value = lazyValidator(ctx, content.schema, "read", id);
    if (value !== undefined) responses.push({ key: response.status, value });
  }
  const properties: ObjectProperty[] = [
    ...(params.length > 0 ? [{ key: "params", value: object(params) }] : []),
    ...(body !== undefined ? [{ key: "body", value: body }] : []),
    ...(responses.length > 0 ? [{ key: "responses", value: object(responses) }] : []),
  ];
  return properties.length > 0 ? object(properties) : undefined;
}

const FUNC_TYPES: Readonly<Record<string, string>> = {
  Endpoint: "OperationFunc",
  OptionalArgsEndpoint: "OptionalArgsOperationFunc",
  PaginatedEndpoint: "PaginatedOperationFunc",
  OptionalArgsPaginatedEndpoint: "OptionalArgsPaginatedOperationFunc",
};

/** `funcs/<operation>.ts`: the operation's function, documented as the client's method is. */
export function funcModule(ctx: EmitContext, operation: Operation): Statement[] {
  const member = clientMember(ctx, operation);
  if (member.type.t !== "ref") throw new Error(`internal: ${operation.name}'s client member has no endpoint type`);
  const type: TsType = { ...member.type, name: FUNC_TYPES[member.type.name] ?? member.type.name };
  const paginated = type.name.includes("Paginated");
  const factory = paginated ? "paginatedOperationFunc" : "operationFunc";
  const runtimeTypes = [...typeNames([type])].filter((name) => !name.startsWith("T.") && !GLOBALS.has(name)).sort();
  const hasValidators = validatorsOf(ctx).has(operation.binding);
  const runtime = funcRuntimeModule(ctx);
  return [
    { s: "import", from: runtime, names: [{ name: factory }, ...runtimeTypes.map((name) => ({ name, typeOnly: true }))] },
    { s: "import", from: "../operations.js", names: [{ name: operation.binding, as: "spec" }] },
    ...(hasValidators ? [{ s: "import", from: "../validators.js", names: [{ name: operation.binding, as: "validators" }] } as const] : []),
    { s: "importNamespace", typeOnly: true, from: "../types.js", as: "T" },
    {
      s: "const",
      exported: true,
      name: operation.name,
      type,
      value: pure(call(id(factory), hasValidators ? [id("spec"), id("validators")] : [id("spec")])),
      ...(member.doc && { doc: member.doc }),
    },
  ];
}

const GLOBALS = new Set(["Response", "Blob", "ArrayBuffer", "Uint8Array", "ReadableStream", "Record"]);

/** The runtime seen from funcs/: one folder further up. */
function funcRuntimeModule(ctx: EmitContext): string {
  const runtime = ctx.runtimeModule();
  return runtime.startsWith(".") ? posix.join("..", runtime) : runtime;
}

const built = new WeakMap<EmitContext, ReadonlyMap<string, Expr>>();

/** validators.ts's entries, by operation binding: none when funcs do not validate. Built once per SDK. */
export function validatorsOf(ctx: EmitContext): ReadonlyMap<string, Expr> {
  let validators = built.get(ctx);
  if (validators === undefined) {
    const entries = funcsValidate(ctx) ? ctx.model.operations.map((operation) => [operation.binding, operationValidators(ctx, operation)] as const) : [];
    validators = new Map(entries.filter((entry): entry is readonly [string, Expr] => entry[1] !== undefined));
    built.set(ctx, validators);
  }
  return validators;
}

/**
 * Pay for what you use: `funcs.ts`, one standalone function per operation over a `ClientCore`
 * (`core.ts`), and `validators.ts`, each operation's validators apart from its spec. A function
 * refers to its own spec in operations.ts and its own validators, which refer only to the schemas
 * they reach; every one of these exports is side-effect free (schemas.ts's are marked pure), so a
 * bundler keeps only what the app's imports reach. `createClient` is unchanged.
 */
import type { Operation } from "../model/model.js";
import { apiSpec, clientMember, clientOptionsType } from "./client.js";
import { call, id, identifiers, object, path, pure, type Expr, type ObjectProperty } from "./code/expressions.js";
import type { Statement } from "./code/module.js";
import { tsRef, typeNames, type TsType } from "./code/types.js";
import type { EmitContext } from "./context.js";
import { featuresImports } from "./features.js";
import { hasValidators } from "./load-validators.js";
import { checksParameter, lazyValidator } from "./operations.js";

/** `core.ts`: `createClientCore`, the client's options, credentials and transport without any operation. */
export function coreModule(ctx: EmitContext): Statement[] {
  return [
    {
      s: "import",
      from: ctx.runtimeModule(),
      names: [{ name: "createCore" }, ...["ApiSpec", "ClientCore", "ClientOptions", ...(hasValidators(ctx) ? [] : ["WithoutValidators"])].map((name) => ({ name, typeOnly: true }))],
    },
    ...featuresImports(ctx),
    { s: "import", typeOnly: true, from: "./client.js", names: ["Auth", "Environment", "ServerVariables"].map((name) => ({ name })) },
    { s: "const", exported: false, name: "api", type: tsRef("ApiSpec"), value: apiSpec(ctx, false) },
    {
      s: "function",
      name: "createClientCore",
      params: [{ name: "options", type: clientOptionsType(ctx), initializer: object([]) }],
      returnType: tsRef("ClientCore"),
      body: [{ s: "return", value: call(id("createCore"), [id("options"), id("api")]) }],
      doc: [
        "Creates a core: a client without operations, for the functions of funcs.ts. An app imports",
        `those it calls, and its bundle holds only them: \`await ${ctx.model.operations[0]?.binding ?? "operation"}(core, args)\`.`,
        "Takes `createClient`'s options, environments and server variables included.",
      ],
    },
  ];
}

/** `validators.ts`: per operation, the validators of its parameters, body and responses. */
export function validatorsModule(ctx: EmitContext): Statement[] {
  const consts = [...validatorsOf(ctx)].map(([binding, value]) => ({ s: "const" as const, exported: true, name: binding, type: tsRef("OperationValidators"), value }));
  const used = identifiers(consts.map((statement) => statement.value));
  return [
    { s: "import", typeOnly: true, from: ctx.runtimeModule(), names: [{ name: "OperationValidators" }] },
    // Namespace imports: unlike zod's `z` export, they let a bundler keep only the parts used.
    ...(used.has("z") ? [{ s: "importNamespace", from: ctx.zodModule(), as: "z" } as const] : []),
    ...(used.has("ownProperties") ? [{ s: "import", from: ctx.runtimeModule(), names: [{ name: "ownProperties" }] } as const] : []),
    ...(used.has("isoDateTime") ? [{ s: "import", from: ctx.runtimeModule("dates.js"), names: [{ name: "isoDateTime" }] } as const] : []),
    ...(used.has("s") ? [{ s: "importNamespace", from: "./schemas.js", as: "s" } as const] : []),
    ...consts,
  ];
}

/** An operation's entry of validators.ts, or undefined when it has nothing to check. */
function operationValidators(ctx: EmitContext, operation: Operation): Expr | undefined {
  const params: ObjectProperty[] = [];
  for (const parameter of operation.parameters) {
    const value = checksParameter(parameter) ? lazyValidator(ctx, parameter.schema, "write") : undefined;
    if (value !== undefined) params.push({ key: parameter.key, value });
  }
  const body = operation.body && operation.body.kind !== "binary" ? lazyValidator(ctx, operation.body.schema, "write") : undefined;
  const responses: ObjectProperty[] = [];
  for (const response of operation.responses) {
    const content = response.content;
    if (content === undefined || (content.stream ? content.stream.text : content.kind !== "json")) continue;
    const value = lazyValidator(ctx, content.schema, "read");
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

/**
 * `funcs.ts`: every operation's function, documented as the client's method is. One module, like
 * one sdk.gen.ts: each export is a pure call, so a bundler drops the ones an app does not import,
 * and the generator and tsc pay for one file rather than one per operation. Unchecked (checked by
 * the tests) like operations.ts: its declared types serve the app's code all the same, and
 * checking 1,223 of them added a quarter to tsc's time on GitHub's SDK.
 */
export function funcsModule(ctx: EmitContext): Statement[] {
  const validators = validatorsOf(ctx);
  const consts = ctx.model.operations.map((operation) => funcConst(ctx, operation, validators.has(operation.binding)));
  const factories = [...new Set(consts.map((statement) => statement.factory))].sort();
  const types = typeNames(consts.map((statement) => statement.type));
  const runtimeTypes = [...types].filter((name) => !name.startsWith("T.") && !GLOBALS.has(name)).sort();
  return [
    { s: "import", from: ctx.runtimeModule(), names: [...factories.map((name) => ({ name })), ...runtimeTypes.map((name) => ({ name, typeOnly: true }))] },
    { s: "importNamespace", from: "./operations.js", as: "op" },
    ...(validators.size > 0 ? [{ s: "importNamespace", from: "./validators.js", as: "v" } as const] : []),
    { s: "importNamespace", typeOnly: true, from: "./types.js", as: "T" },
    ...consts.map(({ factory: _factory, ...statement }) => statement),
  ];
}

function funcConst(ctx: EmitContext, operation: Operation, hasValidators: boolean): Extract<Statement, { s: "const" }> & { readonly factory: string; readonly type: TsType } {
  const member = clientMember(ctx, operation);
  if (member.type.t !== "ref") throw new Error(`internal: ${operation.name}'s client member has no endpoint type`);
  const type: TsType = { ...member.type, name: FUNC_TYPES[member.type.name] ?? member.type.name };
  const factory = type.name.includes("Paginated") ? "paginatedOperationFunc" : "operationFunc";
  const args = [path(`op.${operation.binding}`), ...(hasValidators ? [path(`v.${operation.binding}`)] : [])];
  return { s: "const", exported: true, name: operation.binding, type, value: pure(call(id(factory), args)), factory, ...(member.doc && { doc: member.doc }) };
}

const GLOBALS = new Set(["Response", "Blob", "ArrayBuffer", "Uint8Array", "ReadableStream", "Record"]);

const built = new WeakMap<EmitContext, ReadonlyMap<string, Expr>>();

/** validators.ts's entries, by operation binding: none when funcs do not validate. Built once per SDK. */
export function validatorsOf(ctx: EmitContext): ReadonlyMap<string, Expr> {
  let validators = built.get(ctx);
  if (validators === undefined) {
    const entries = hasValidators(ctx) ? ctx.model.operations.map((operation) => [operation.binding, operationValidators(ctx, operation)] as const) : [];
    validators = new Map(entries.filter((entry): entry is readonly [string, Expr] => entry[1] !== undefined));
    built.set(ctx, validators);
  }
  return validators;
}

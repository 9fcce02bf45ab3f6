/**
 * `client.ts`: the `Auth` credentials type, the `Client` interface with one documented member per
 * operation, and `createClient`, which binds each operation's spec to the runtime.
 */
import type { ExternalDocs, Operation, SecurityScheme } from "../model/model.js";
import { paginationOf } from "../analyze/pagination/decide.js";
import { clientInfoHeader } from "./client-info.js";
import { type Expr, array, bool, call, id, member, object, path, str } from "./code/expressions.js";
import { jsdocLines } from "./code/literals.js";
import { firstSentence, specDocLines, specMarkdown } from "./spec-text.js";
import type { Statement } from "./code/module.js";
import { tsKeyword, tsRef, typeNames, type TsMember, type TsType } from "./code/types.js";
import { valueLiteral } from "./code/value-literal.js";
import type { EmitContext } from "./context.js";
import { featuresImports, featuresProperty } from "./features.js";
import { hasValidators, loadedBindings } from "./load-validators.js";
import { operationSpecs } from "./operations.js";
import { apiServerFields, serverOptionTypes } from "./servers.js";
import { resourcesBelow, resourceTree, type ResourceNode } from "./resources.js";
import { resultType, toType } from "./types.js";

const CREDENTIAL_TYPES: Readonly<Record<SecurityScheme["type"], string>> = {
  http: "TokenCredential",
  apiKey: "ApiKeyCredential",
  oauth2: "OAuth2Credential",
  openIdConnect: "TokenCredential",
};

export function clientModule(ctx: EmitContext): Statement[] {
  const { model } = ctx;
  const credentialTypes = [...new Set(model.securitySchemes.map(credentialType))].sort();
  const endpointTypes = new Set(model.operations.map((operation) => endpointKind(operation).type));
  const hasWebhooks = model.webhooks.length > 0;
  const tree = resourceTree(model.operations);
  const resources = resourcesBelow(tree);
  const members = [...resourceMembers(ctx, tree), ...(hasWebhooks ? [webhooksMember] : [])];
  const used = typeNames([...members, ...resources.flatMap((node) => resourceMembers(ctx, node))].map((member) => member.type));
  const resultTypes = ["Unlisted", "UnlistedVariant", "Stream"].filter((name) => used.has(name));
  // An API without operations (webhooks only) gets an empty client and nothing it would not use.
  const hasOperations = model.operations.length > 0;
  const runtimeTypes = [...(hasOperations ? ["ApiSpec"] : []), "ClientOptions", ...(hasValidators(ctx) ? [] : ["WithoutValidators"]), ...endpointTypes, ...credentialTypes, ...resultTypes];
  return [
    {
      s: "import",
      from: ctx.runtimeModule(),
      names: [...(hasOperations ? [{ name: "createRuntime" }] : []), ...runtimeTypes.sort().map((name) => ({ name, typeOnly: true }))],
    },
    ...(hasOperations
      ? ([
          ...featuresImports(ctx),
          ...(loadedBindings(ctx, operationSpecs(ctx).lazy).length > 0 ? [{ s: "import", from: "./load-validators.js", names: [{ name: "loadValidators" }] } as const] : []),
          { s: "importNamespace", from: "./operations.js", as: "op" },
          { s: "importNamespace", typeOnly: true, from: "./types.js", as: "T" },
        ] as const)
      : []),
    ...(hasWebhooks ? webhooksImports(ctx) : []),
    authDeclaration(model.securitySchemes),
    ...serverOptionTypes(model),
    {
      s: "interface",
      name: "Client",
      extends: [],
      members,
      doc: jsdocLines(`A client for ${model.title}${model.version ? ` ${model.version}` : ""}: one method per operation${resources.length > 0 ? ", in resources" : ""}.`),
    },
    ...resources.map((node): Statement => ({ s: "interface", name: node.typeName, extends: [], members: resourceMembers(ctx, node), doc: [`\`api.${node.path.join(".")}\`.`] })),
    ...(hasOperations ? [{ s: "const", exported: false, name: "api", type: tsRef("ApiSpec"), value: apiSpec(ctx) } as const] : []),
    {
      s: "function",
      name: "createClient",
      params: [{ name: hasOperations || hasWebhooks ? "options" : "_options", type: clientOptionsType(ctx), initializer: object([]) }],
      returnType: tsRef("Client"),
      body: [
        ...(hasOperations ? [{ s: "const", name: "runtime", value: call(id("createRuntime"), [id("options"), id("api")]) } as const] : []),
        {
          s: "return",
          value: object(
            [
              ...resourceEndpoints(tree),
              ...(hasWebhooks ? [{ key: "webhooks", value: call(id("createWebhooks"), [id("options")]) }] : []),
            ],
          ),
        },
      ],
      doc: ["Creates a client. Every option is optional; see `ClientOptions` for defaults."],
    },
  ];
}

/**
 * `createClient`'s (and `createClientCore`'s) options. An SDK generated with `--validate off` has
 * no validators, so its type admits only `validate: "off"`; the runtime refuses the rest too.
 */
export function clientOptionsType(ctx: EmitContext): TsType {
  const options = tsRef("ClientOptions", [tsRef("Auth"), tsRef("Environment"), tsRef("ServerVariables")]);
  return hasValidators(ctx) ? options : { t: "intersection", types: [options, tsRef("WithoutValidators")] };
}

/** A resource's members: its methods, and its sub-resources by their interfaces. */
function resourceMembers(ctx: EmitContext, node: ResourceNode): TsMember[] {
  return node.entries.map((entry) =>
    entry.kind === "operation" ? clientMember(ctx, entry.operation) : { key: entry.name, optional: false, readonly: true, type: tsRef(entry.node.typeName) },
  );
}

/** `listPets: runtime.endpoint(op.listPets)`, nested as the resources are. */
function resourceEndpoints(node: ResourceNode): { key: string; value: Expr }[] {
  return node.entries.map((entry) =>
    entry.kind === "operation"
      ? { key: entry.operation.member, value: call(member(id("runtime"), endpointKind(entry.operation).factory), [path(`op.${entry.operation.binding}`)]) }
      : { key: entry.name, value: object(resourceEndpoints(entry.node)) },
  );
}

/** `api.webhooks`; its name is kept from operations (see OperationNames). */
const webhooksMember: TsMember = {
  key: "webhooks",
  optional: false,
  readonly: true,
  type: tsRef("Webhooks", [tsRef("WebhookEvent")]),
  doc: ["The API's webhooks: `unwrap()` verifies, parses and validates an incoming one into a `WebhookEvent`."],
};

function webhooksImports(ctx: EmitContext): Statement[] {
  return [
    { s: "import", typeOnly: true, from: ctx.runtimeModule("webhooks/index.js"), names: [{ name: "Webhooks" }] },
    { s: "import", from: "./webhooks.js", names: [{ name: "createWebhooks" }, { name: "WebhookEvent", typeOnly: true }] },
  ];
}

/** Client credentials are accepted only where the spec declares a client-credentials flow to use them with. */
function credentialType(scheme: SecurityScheme): string {
  if (scheme.type === "http" && scheme.scheme === "basic") return "BasicCredential";
  if (scheme.type === "oauth2" && scheme.tokenUrl === undefined) return "TokenCredential";
  return CREDENTIAL_TYPES[scheme.type];
}

function authDeclaration(schemes: readonly SecurityScheme[]): Statement {
  const doc = ["Credentials, keyed by the spec's security scheme names. Each may be a function, called per request."];
  if (schemes.length === 0) return { s: "type", name: "Auth", type: tsRef("Record", [tsKeyword("string"), tsKeyword("never")]), doc };
  const members: TsMember[] = schemes.map((scheme) => {
    const described = scheme.description !== undefined ? specDocLines(scheme.description) : jsdocLines(describeScheme(scheme));
    const lines = scheme.deprecated ? [...described, ...(described.length > 0 ? [""] : []), "@deprecated The spec marks this security scheme deprecated."] : described;
    return { key: scheme.key, optional: true, type: tsRef(credentialType(scheme)), ...(lines.length > 0 && { doc: lines }) };
  });
  return { s: "interface", name: "Auth", extends: [], members, doc };
}

function describeScheme(scheme: SecurityScheme): string {
  switch (scheme.type) {
    case "http":
      return `HTTP ${scheme.scheme} authentication.`;
    case "apiKey":
      return `API key sent in the ${scheme.in} ${JSON.stringify(scheme.name)}.`;
    case "oauth2":
      return scheme.tokenUrl ? "OAuth 2 access token, or client credentials to fetch one." : "OAuth 2 access token.";
    case "openIdConnect":
      return "OpenID Connect access token.";
  }
}

function requiresArgs(operation: Operation): boolean {
  return operation.parameters.some((p) => p.required) || operation.body?.required === true;
}

/** The endpoint type of a client member, and the runtime method that builds it. */
function endpointKind(operation: Operation): { type: string; factory: string } {
  const paginated = paginationOf(operation) !== undefined;
  if (requiresArgs(operation)) return paginated ? { type: "PaginatedEndpoint", factory: "paginatedEndpoint" } : { type: "Endpoint", factory: "endpoint" };
  return paginated ? { type: "OptionalArgsPaginatedEndpoint", factory: "optionalPaginatedEndpoint" } : { type: "OptionalArgsEndpoint", factory: "optionalEndpoint" };
}

const members = new WeakMap<Operation, TsMember>();

/** An operation's member of `Client`, documented; built once per operation, as funcs.ts declares the same. */
export function clientMember(ctx: EmitContext, operation: Operation): TsMember {
  let made = members.get(operation);
  if (made === undefined) members.set(operation, (made = buildClientMember(ctx, operation)));
  return made;
}

function buildClientMember(ctx: EmitContext, operation: Operation): TsMember {
  const hasArgs = operation.parameters.length > 0 || operation.body !== undefined;
  const args: TsType = hasArgs ? tsRef(`T.${operation.typeName}Args`) : tsRef("Record", [tsKeyword("string"), tsKeyword("never")]);
  const result = qualify(resultType(ctx, operation));
  const pagination = paginationOf(operation);
  const item = pagination ? [qualify(toType(ctx, pagination.itemSchema, "read"))] : [];
  const type = tsRef(endpointKind(operation).type, [args, result, ...item, tsRef(`T.${operation.typeName}Error`)]);
  const text = [operation.summary, operation.description].filter((t): t is string => t !== undefined && t.trim() !== "");
  const lines = text.flatMap((t, i) => (i > 0 ? ["", ...specDocLines(t)] : specDocLines(t)));
  lines.push(...(lines.length > 0 ? [""] : []), ...jsdocLines(`\`${operation.method} ${operation.path}\``));
  if (pagination) lines.push("", `Paginated (${pagination.style}): \`.paginate()\` yields every item, \`.pages()\` every page.`);
  if (operation.externalDocs) lines.push(...seeDoc(operation.externalDocs));
  if (operation.deprecated) lines.push("@deprecated");
  return { key: operation.member, optional: false, type, doc: lines };
}

/** `@see <url> <description>`: the URL on one line, so nothing after it reads as a new tag. */
function seeDoc(docs: ExternalDocs): string[] {
  const url = docs.url.replace(/\s+/g, "");
  const description = docs.description !== undefined ? firstSentence(specMarkdown(docs.description)) : "";
  return jsdocLines(`@see ${url}${description ? ` ${description}` : ""}`);
}

/** Types from types.ts are referenced through the `T` namespace in client.ts. */
function qualify(type: TsType): TsType {
  switch (type.t) {
    case "ref":
      return { ...type, ...(!UNQUALIFIED_TYPES.has(type.name) && { name: `T.${type.name}` }), ...(type.args && { args: type.args.map(qualify) }) };
    case "union":
    case "intersection":
      return { ...type, types: type.types.map(qualify) };
    case "array":
      return { ...type, element: qualify(type.element) };
    case "tuple":
      return { ...type, elements: type.elements.map(qualify), ...(type.rest && { rest: qualify(type.rest) }) };
    case "object":
      return { ...type, members: type.members.map((each) => ({ ...each, type: qualify(each.type) })) };
    default:
      return type;
  }
}

/** Globals, and `Unlisted`/`UnlistedVariant`/`Stream` from the runtime: not in types.ts. */
const UNQUALIFIED_TYPES = new Set(["Response", "Blob", "ArrayBuffer", "Uint8Array", "ReadableStream", "Unlisted", "UnlistedVariant", "Stream"]);

/** `lazyValidators`: with load-validators.ts's loader, which the client needs and the core (core.ts) does not. */
export function apiSpec(ctx: EmitContext, lazyValidators = true): Expr {
  const { model } = ctx;
  // The model's schemes are the runtime's `SecuritySchemeSpec`s under their keys, with what only the docs read.
  const schemes = new Map(model.securitySchemes.map(({ key, description: _description, deprecated: _deprecated, ...spec }) => [key, spec]));
  const { secretFields } = ctx;
  return object([
    { key: "title", value: str(model.title) },
    { key: "clientInfo", value: str(clientInfoHeader(model.title, model.version)) },
    ...apiServerFields(model),
    { key: "securitySchemes", value: valueLiteral(schemes, () => true) },
    ...(secretFields.length > 0 ? [{ key: "secretFields", value: array(secretFields.map((name) => str(name))) }] : []),
    ...(ctx.options.strict ? [{ key: "strict", value: bool(true) }] : []),
    // "strict" is the runtime's own default: SDKs generated without the option stay as they were.
    ...(ctx.options.validate !== "strict" ? [{ key: "validate", value: str(ctx.options.validate) }] : []),
    ...(ctx.options.dates === "date" ? [{ key: "dates", value: str("date") }] : []),
    ...featuresProperty(ctx),
    ...(lazyValidators && loadedBindings(ctx, operationSpecs(ctx).lazy).length > 0 ? [{ key: "loadValidators", value: id("loadValidators") }] : []),
  ]);
}

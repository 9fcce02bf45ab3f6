/**
 * The SDK's README.md: templates/README.md with the API's own parts filled in (authentication,
 * and one example call per operation, grouped by tag). Spec text is Markdown (HTML descriptions
 * converted, see spec-text.ts) with `<` escaped, so it carries no raw HTML; in headings and code
 * spans it is put on one line, and it never opens a code block.
 */
import type { Operation, ResponseStream, Schema, SecurityScheme } from "../model/model.js";
import { array, call, id, inlineObject, literal, member, newExpr, num, str, type Expr, type ObjectProperty } from "./code/expressions.js";
import { printStatementText } from "./code/module.js";
import type { EmitContext } from "./context.js";
import { hasValidators, loadedBindings } from "./load-validators.js";
import { operationSpecs } from "./operations.js";
import { peerRange, readTemplate } from "../package-files.js";
import { stringLiteral } from "./code/literals.js";
import { webhooksReadme } from "./readme-webhooks.js";
import { serverUrls, serversReadme } from "./readme-servers.js";
import { defaultServerUrl } from "../model/servers.js";
import { firstSentence, specMarkdown } from "./spec-text.js";
import { clientInfoHeader } from "./client-info.js";
import { clientPath } from "../model/route.js";

export function readme(ctx: EmitContext): string {
  const { model } = ctx;
  const example = model.operations.find((op) => op.responses.some((r) => !r.status.startsWith("2"))) ?? model.operations[0];
  const defaultUrl = model.servers[0] === undefined ? undefined : defaultServerUrl(model.servers[0]);
  const baseUrlOption = `  baseUrl: ${defaultUrl !== undefined ? JSON.stringify(defaultUrl).replaceAll("`", "\\u0060") : '"https://api.example.com"'},`;
  const values: Record<string, string> = {
    title: oneLine(model.title),
    description: model.description ? plainText(specMarkdown(model.description)) : `A client for ${oneLine(model.title)}.`,
    // The template quotes it: `{{source}}`.
    source: inlineCode(model.source) + (model.self === undefined ? "" : `\`, which names itself \`${inlineCode(model.self)}`),
    sdkIndex: sdkModule(ctx, "index.js"),
    sdkTesting: sdkModule(ctx, "testing.js"),
    sdkCore: sdkModule(ctx, "core.js"),
    sdkFuncs: sdkModule(ctx, "funcs.js"),
    funcName: example?.binding ?? "operation",
    funcCall: example ? funcExampleCall(ctx, example) : "",
    install: `npm install ky@${peerRange("ky")} zod@${peerRange("zod")}`,
    clientInfo: inlineCode(clientInfoHeader(model.title, model.version)),
    clientOptions: [
      baseUrlOption,
      ...authExampleLines(model.securitySchemes),
    ].join("\n"),
    runtime: ctx.options.runtime === "./runtime" ? "" : `\n${sharedRuntimeNote(ctx.options.runtime)}\n`,
    defaultValidate: hasValidators(ctx)
      ? `\`"${ctx.options.validate}"\`${ctx.options.validate === "strict" ? "" : " (this SDK's default)"}`
      : '`"off"`, the only value: generated with `--validate off`, this SDK has no validators',
    defaultBaseUrl: defaultUrl !== undefined ? `\`${inlineCode(defaultUrl)}\`` : "none: pass `baseUrl`",
    servers: serversReadme(model),
    auth: authSection(model.securitySchemes, baseUrlOption),
    exampleOperation: example ? clientPath(example) : "operation",
    layout: layoutNote(ctx),
    exampleCall: example ? indentLines(exampleCall(ctx, example, "const result = "), "  ").trimStart() : "",
    exampleWithOptions: example ? exampleCall(ctx, example, "", undefined, CALL_OPTIONS_EXAMPLE) : "",
    secretFields: secretFieldsText(ctx),
    dates: ctx.options.dates === "date" ? `\n\n${DATES_NOTE}` : "",
    validators: model.schemas.length > 0 ? `\n\n${validatorsNote(ctx)}` : "",
    streaming: model.operations.some(streams) ? `\n\n${STREAMING_NOTE}` : "",
    additions: ctx.options.strict ? STRICT_ADDITIONS : TOLERATED_ADDITIONS,
    operations: operationsSection(ctx),
    webhooks: webhooksReadme(ctx),
  };
  const fill = (template: string): string => template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
  // The testing section is filled first, and becomes a value itself: its placeholders are its own.
  values["testing"] = ctx.options.testing && example ? `${fill(readTemplate("README-testing.md"))}\n` : "";
  return fill(readTemplate("README.md"));
}

const TOLERATED_ADDITIONS = [
  "Responses may carry what the API added after this SDK was generated: object keys the spec does",
  "not list pass, and an enum value or a discriminated union's variant it does not list is returned",
  "as received, typed `Unlisted<…>` or `UnlistedVariant<…>` (handle it in the `default` of a",
  "`switch`), and logged once at `warn`. Regenerate the SDK to type it.",
].join("\n");
const STRICT_ADDITIONS = [
  "This SDK was generated with `--strict`: a response with an object key, enum value or union",
  "variant the spec does not list fails validation.",
].join("\n");

/** Where a shared runtime is; the path comes from the config, so backticks in it are dropped. */
function sharedRuntimeNote(specifier: string): string {
  return `Its runtime (requests, retries, validation, errors) is not copied into this folder: it imports the shared runtime folder \`${inlineCode(specifier)}/\` (relative to this folder), which other SDKs use too. gen-client writes and updates it with the SDKs; commit it with them.`;
}

/** `"./github/index.js"`: a module of the SDK, as code beside its folder imports it. */
function sdkModule(ctx: EmitContext, module: string): string {
  return stringLiteral(`./${ctx.options.folder}/${module}`).replaceAll("`", "\\u0060");
}

/**
 * The operation's `externalDocs` as a link. Only http(s) URLs, percent-encoded so that no
 * character of the spec's can end the link or open HTML.
 */
function externalDocsLink(operation: Operation): string {
  const docs = operation.externalDocs;
  if (docs === undefined || !/^https?:\/\//i.test(docs.url)) return "";
  const href = encodeURI(docs.url.replace(/\s+/g, "")).replace(/[()<>`"']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const text = docs.description !== undefined ? oneLine(firstSentence(specMarkdown(docs.description))).replace(/[[\]]/g, "\\$&") : "";
  return ` · [${text || "Docs"}](${href})`;
}

/** Spec text for an inline code span: one line (a line break could open a fence), no backtick. */
function inlineCode(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replaceAll("`", "");
}

/** Spec text for a heading or list item: one line, no raw HTML. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replaceAll("<", "&lt;").trim();
}

/** Spec text as paragraphs: no raw HTML, and no line that would open a code fence. */
function plainText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replaceAll("<", "&lt;")
    .replace(/^(\s*)(```|~~~)/gm, "$1\\$2")
    .trim();
}

/** The `auth` lines of the example client: one line, or one line per scheme when that is too long. */
function authExampleLines(schemes: readonly SecurityScheme[]): string[] {
  if (schemes.length === 0) return [];
  const entries = schemes.map(authExample);
  const oneLiner = `  auth: { ${entries.join(", ")} },`;
  return oneLiner.length <= 100 ? [oneLiner] : ["  auth: {", ...entries.map((entry) => `    ${entry},`), "  },"];
}

function authExample(scheme: SecurityScheme): string {
  const key = /^[A-Za-z_$][\w$]*$/.test(scheme.key) ? scheme.key : JSON.stringify(scheme.key);
  if (scheme.type === "http" && scheme.scheme === "basic") return `${key}: { username: "user", password: "secret" }`;
  if (scheme.type === "apiKey") return `${key}: process.env.API_KEY!`;
  if (scheme.type === "oauth2" && scheme.tokenUrl) return `${key}: { clientId: process.env.CLIENT_ID!, clientSecret: process.env.CLIENT_SECRET! }`;
  return `${key}: () => getAccessToken()`;
}

function authSection(schemes: readonly SecurityScheme[], baseUrlOption: string): string {
  if (schemes.length === 0) return undeclaredAuth(baseUrlOption);
  const lines = schemes.map((scheme) => {
    const name = `\`${inlineCode(scheme.key)}\`${scheme.deprecated ? " (deprecated)" : ""}`;
    switch (scheme.type) {
      case "http":
        return scheme.scheme === "basic"
          ? `- ${name}: HTTP basic: \`{ username, password }\`, sent as \`Authorization: Basic …\`.`
          : `- ${name}: HTTP ${scheme.scheme}: a token, sent as \`Authorization: Bearer …\`.`;
      case "apiKey":
        return `- ${name}: an API key, sent in the ${scheme.in} \`${inlineCode(scheme.name)}\`.`;
      case "oauth2":
        return scheme.tokenUrl
          ? `- ${name}: OAuth 2: an access token, or \`{ clientId, clientSecret }\` (and optionally \`scopes\`): the client then fetches a token from \`${inlineCode(scheme.tokenUrl)}\` with the operation's scopes, caches it until it expires, and after a 401 fetches a new one once and replays the call. A relative token URL resolves under \`baseUrl\`.`
          : `- ${name}: OAuth 2: an access token, sent as \`Authorization: Bearer …\`.`;
      case "openIdConnect":
        return `- ${name}: OpenID Connect: an access token, sent as \`Authorization: Bearer …\`.`;
    }
  });
  return [
    "Give credentials under the names of the spec's security schemes. Each operation sends the schemes its security requirement names (listed under each operation below); when it allows alternatives, the first one with credentials is used. Any credential may be a (sync or async) function, called once per call, so tokens can be refreshed.",
    "",
    ...lines,
  ].join("\n");
}

/**
 * A spec without security schemes does not say whether the API needs credentials (GitHub's
 * needs a token for most calls): the client takes them as headers.
 */
function undeclaredAuth(baseUrlOption: string): string {
  return [
    "The spec declares no security schemes, so the SDK sends no credentials by itself, and the operations below list none. If the API needs a token or a key, send it in `headers`, on every request:",
    "",
    "```ts",
    "const api = createClient({",
    baseUrlOption,
    "  headers: { authorization: `Bearer ${token}` },",
    "  // or a (sync or async) function, called once per call, so the token can be refreshed:",
    "  // headers: async () => ({ authorization: `Bearer ${await getToken()}` }),",
    "});",
    "```",
    "",
    "A `beforeRequest` hook (see `hooks`) can sign requests instead.",
  ].join("\n");
}

/**
 * What each operation needs, for its entry: `bearerAuth`, or `headerKey` or `basicAuth`. Nothing
 * when the spec declares no schemes: "No credentials" would be a guess.
 */
function securityLine(ctx: EmitContext, operation: Operation): string {
  if (ctx.model.securitySchemes.length === 0) return "";
  if (operation.security.length === 0) return " · No credentials.";
  const alternatives = operation.security.map((requirement) =>
    requirement.size === 0 ? "none" : [...requirement.keys()].map((name) => `\`${inlineCode(name)}\``).join(" and "),
  );
  return ` · Credentials: ${alternatives.join(", or ")}.`;
}

/** The secret body fields the log redacts, as a phrase for the Logging section. */
function secretFieldsText(ctx: EmitContext): string {
  const names = ctx.secretFields;
  if (names.length === 0) return "";
  return `, and the request body fields ${names.map((name) => `\`${inlineCode(name)}\``).join(", ")} (\`format: password\` or \`writeOnly\`)`;
}

const CALL_OPTIONS_EXAMPLE = inlineObject([
  { key: "timeout", value: num(5000) },
  { key: "retry", value: inlineObject([{ key: "limit", value: num(5) }]) },
  { key: "signal", value: call(member(id("AbortSignal"), "timeout"), [num(30000)]) },
]);

/** How the client presents operations, and how to choose the other layout. */
function layoutNote(ctx: EmitContext): string {
  const example = ctx.model.operations.find((operation) => operation.resource.length > 0) ?? ctx.model.operations[0];
  if (example === undefined) return "This API has no operations.";
  if (ctx.model.layout === "flat") {
    return [
      `Every operation is a method of the client (\`api.${example.name}()\`). Generated with \`--layout grouped\`,`,
      "the SDK groups them into resources by the spec's tags, operationId prefixes or paths; that moves",
      "every method, so code calling them must change.",
    ].join("\n");
  }
  return [
    `Operations are grouped into resources, from the spec's tags, operationId prefixes or paths (\`api.${clientPath(example)}()\`),`,
    "so an editor's completion on `api.` lists a few resources rather than every operation. Generated",
    `with \`--layout flat\`, every operation is a method of the client itself (\`api.${example.name}()\`). The SDK's`,
    "`.gen-client-names.json` keeps the layout, and each method's resource and name, across",
    "regenerations.",
  ].join("\n");
}

/** Headings by resource (`api.pets`) in the grouped layout, by first tag in the flat one. */
function operationsSection(ctx: EmitContext): string {
  const groups = new Map<string, Operation[]>();
  for (const operation of ctx.model.operations) {
    const heading = ctx.model.layout === "grouped" ? `\`api${operation.resource.map((name) => `.${name}`).join("")}\`` : oneLine(operation.tags[0] ?? "Other");
    groups.set(heading, [...(groups.get(heading) ?? []), operation]);
  }
  return [...groups]
    .map(([heading, operations]) =>
      [`### ${heading}`, "", ...operations.map((operation) => operationEntry(ctx, operation))].join("\n").trimEnd(),
    )
    .join("\n\n");
}

function operationEntry(ctx: EmitContext, operation: Operation): string {
  const about = operation.summary ?? operation.description;
  const summary = about !== undefined ? firstSentence(specMarkdown(about)) : "";
  const heading = `#### \`${clientPath(operation)}\`${summary ? `: ${oneLine(summary)}` : ""}${operation.deprecated ? " (deprecated)" : ""}`;
  const stream = operation.responses.find((response) => response.status.startsWith("2") && response.content?.stream)?.content?.stream;
  let example = stream ? streamExample(ctx, operation, stream) : exampleCall(ctx, operation, "");
  if (operation.pagination && operation.pagination.style !== "none") {
    const walk = `${exampleCall(ctx, operation, "for await (const item of ", "paginate").replace(/;$/, "")}) {\n  // every item, page after page\n}`;
    example += `\n// ${operation.pagination.style} pagination:\n${walk}`;
  }
  const server = operation.servers === undefined ? "" : ` · on ${serverUrls(operation)}`;
  const route = `\`${inlineCode(`${operation.method} ${operation.path}`)}\`${server}${securityLine(ctx, operation)}${externalDocsLink(operation)}`;
  return [heading, "", route, "", "```ts", example.replaceAll("```", "`\\`\\`"), "```", ""].join("\n");
}

const STREAM_ITEMS: Readonly<Record<ResponseStream["format"], string>> = {
  sse: "each Server-Sent Event's data",
  jsonl: "each JSON Lines item",
  "json-seq": "each JSON text sequence item",
};

/** A streaming operation's example: its items in a `for await` loop. */
function streamExample(ctx: EmitContext, operation: Operation, stream: ResponseStream): string {
  const open = exampleCall(ctx, operation, "const stream = ");
  const what = `${STREAM_ITEMS[stream.format]}${stream.text ? ", as text" : ", validated as it arrives"}`;
  return `${open}
for await (const item of stream) {
  // ${what}; \`break\` closes the connection
}`;
}

/**
 * `await api.op({ … })` with every required parameter and body field given a sample value, and
 * `options` as the second argument when given.
 */
function exampleCall(ctx: EmitContext, operation: Operation, prefix: string, walk?: "paginate", options?: Expr): string {
  const properties = exampleArgs(ctx, operation);
  const args = options ? [inlineObject(properties), options] : properties.length === 0 ? [] : [inlineObject(properties)];
  const method = [...operation.resource, operation.member].reduce((object, name) => member(object, name), id("api"));
  if (walk) return printStatementText(prefix, call(member(method, walk), args));
  return printStatementText(`${prefix}await `, call(method, args));
}

/** The required arguments of an operation, with sample values. */
function exampleArgs(ctx: EmitContext, operation: Operation): ObjectProperty[] {
  const properties: ObjectProperty[] = operation.parameters.filter((p) => p.required).map((p) => ({ key: p.key, value: sample(ctx, p.schema, 0) }));
  if (operation.body?.required) {
    const body = sample(ctx, operation.body.schema, 0, operation.body.kind === "binary");
    properties.push({ key: "body", value: operation.body.stream ? array([body]) : body });
  }
  return properties;
}

/** The call of an operation's function in funcs.ts: `await getPet(core, { petId: 1 })`. */
function funcExampleCall(ctx: EmitContext, operation: Operation): string {
  const properties = exampleArgs(ctx, operation);
  return printStatementText("const result = await ", call(id(operation.binding), [id("core"), ...(properties.length > 0 ? [inlineObject(properties)] : [])]));
}

function indentLines(text: string, indent: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : indent + line))
    .join("\n");
}

function sample(ctx: EmitContext, schema: Schema, depth: number, binary = false): Expr {
  if (binary || (schema.kind === "string" && schema.format === "binary")) return newExpr(id("Blob"), [array([str("…")])]);
  if (depth > 4) return inlineObject([]);
  switch (schema.kind) {
    case "ref":
      return sample(ctx, ctx.named(schema.target).schema, depth + 1);
    case "string": {
      const text = str(SAMPLE_STRINGS[schema.format ?? ""] ?? "string");
      return ctx.isDate(schema) ? newExpr(id("Date"), [text]) : text;
    }
    case "number":
      return literal(schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1));
    case "boolean":
      return literal(true);
    case "enum":
      return literal(schema.values[0] ?? null);
    case "array":
      return array([sample(ctx, schema.items, depth + 1)]);
    case "object":
      return inlineObject(
        schema.properties
          .filter((p) => p.required && p.schema.readOnly !== true)
          .map((p) => ({ key: p.name, value: sample(ctx, p.schema, depth + 1) })),
      );
    case "union":
      return schema.variants[0] ? sample(ctx, schema.variants[0], depth + 1) : literal(null);
    case "allOf": {
      const parts = schema.parts.map((part) => sample(ctx, part, depth + 1));
      return inlineObject(parts.flatMap((part) => (part.e === "object" ? part.properties : [])));
    }
    case "null":
      return literal(null);
    case "unknown":
      return inlineObject([]);
  }
}

function validatorsNote(ctx: EmitContext): string {
  const [first] = ctx.model.schemas;
  const example = first ? `\`${first.name}Schema\` for \`${first.name}\`` : "";
  const where =
    ctx.options.zod === "mini"
      ? `The validators, zod/mini schemas, are in \`schemas.ts\` (${example}); import them from there, and\ncompose them with zod/mini's functions${first ? ` (\`z.array(${first.name}Schema)\`)` : ""} rather than classic zod's methods.`
      : `The zod validators are in \`schemas.ts\` (${example}); import them from there.`;
  if (!loadedBindings(ctx, operationSpecs(ctx).lazy).includes("s")) return where;
  return `${where} The client\nimports that module, and zod, on its first call that validates, so importing the SDK loads neither.`;
}

function streams(operation: Operation): boolean {
  return operation.responses.some((response) => response.status.startsWith("2") && response.content?.stream !== undefined);
}

const STREAMING_NOTE = [
  "Operations that stream (Server-Sent Events, JSON Lines, JSON text sequences) resolve, once the",
  "response starts, to a `Stream`: iterate it with `for await` to get each item, parsed and validated",
  "as it arrives (SSE comments are skipped, and a `data: [DONE]` event ends the stream). It also has",
  "`response`, `status`, `headers`, `events()` (the raw SSE events: `event`, `data`, `id`, `retry`),",
  "`toArray()` and `toReadableStream()` (the items as JSON Lines), and can be read once. `break`,",
  "`stream.close()` or the call's `signal` closes the connection at once and frees its",
  "`maxConcurrency` slot. `timeout` bounds the wait for the response to start; then the stream",
  "fails with `TimeoutError` only if nothing arrives for `streamIdleTimeout` (a call option, by",
  "default `timeout`), and with `ConnectionError` if the connection breaks; both name how many",
  "items had arrived. A GET's event stream (or one the spec marks `x-resumable`) that breaks after",
  "an event `id` is resumed with `Last-Event-ID` (after the server's `retry:` delay), within the",
  "`retry` limit.",
].join("\n");

const DATES_NOTE = [
  "Date-times (`format: date-time`) are `Date` objects, in arguments (sent as RFC 3339 text in UTC)",
  "and in results, whether or not the response was validated. Calendar dates (`format: date`) stay",
  'strings such as `"2024-01-01"`: a `Date` would add a time of day and a time zone.',
].join("\n");

const SAMPLE_STRINGS: Readonly<Record<string, string>> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "12:00:00",
  uuid: "00000000-0000-4000-8000-000000000000",
  email: "user@example.com",
  uri: "https://example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  byte: "aGVsbG8=",
};


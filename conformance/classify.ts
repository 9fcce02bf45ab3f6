/**
 * Each call's outcome, judged from the raw exchange (what Prism received and answered), ajv's
 * verdicts and what the SDK did with the response.
 *
 *   SDK-caused failures   untyped-throw, sdk-error (a typed error before or without a response),
 *                         argument-missing, prism-rejected (no evidence it is Prism's fault),
 *                         refused-valid, accepted-invalid, misclassified (data for a non-2xx,
 *                         isError wrong, a wrong status);
 *   set apart, evidence   prism-limitation, spec-defect (an example that breaks its schema; null
 *                         where a schema has object keywords but no type: see Judge.inferredObjectNulls);
 *   passing               ok, tolerated (what README's documented tolerance accepts: additions,
 *                         oneOf read as "at least one").
 */
import type { BuiltArg, SdkOperation } from "./args.ts";
import type { Judge, Verdict } from "./judge.ts";
import { child, isJsonMedia, isObject, locate, type JsonObject, type Located } from "./spec.ts";
import { missingArguments, type Exchange } from "./wire.ts";

export const FAILURES = ["untyped-throw", "sdk-error", "argument-missing", "prism-rejected", "refused-valid", "accepted-invalid", "misclassified"] as const;
export const SET_APART = ["prism-limitation", "spec-defect"] as const;
export const PASSING = ["ok", "tolerated"] as const;
export type Outcome = (typeof FAILURES)[number] | (typeof SET_APART)[number] | (typeof PASSING)[number];
export const OUTCOMES: readonly Outcome[] = [...PASSING, ...SET_APART, ...FAILURES];

export type SdkResult =
  | { readonly kind: "data"; readonly status: number }
  | { readonly kind: "api-error"; readonly status: number; readonly isError: boolean }
  | { readonly kind: "refused"; readonly status: number; readonly message: string }
  | { readonly kind: "sdk-error"; readonly name: string; readonly message: string }
  | { readonly kind: "untyped"; readonly name: string; readonly message: string };

export interface Judgement {
  readonly outcome: Outcome;
  readonly reason: string;
  /** For a set-apart outcome: which documented rule set it apart (RESULTS.md counts them). */
  readonly rule?: string;
}

/** Evidence that a call is Prism's fault or the spec's: the rule it meets and what was seen. */
interface Finding {
  readonly rule: string;
  readonly text: string;
}

const PRISM_ERROR = "https://stoplight.io/prism/errors#";

/** A violation's place without the leading `request` (the sl-violations header has it, the 422 body not). */
function where(v: Violation): string[] {
  const location = (v.location ?? []).map(String);
  return location[0] === "request" ? location.slice(1) : location;
}

interface Violation {
  readonly severity?: string;
  readonly location?: readonly string[];
  readonly code?: string | number;
  readonly message?: string;
}

/** Prism's request violations: its own problem+json answer, or the `sl-violations` header with `--errors`. */
export function requestViolations(exchange: Exchange): { type?: string; violations: Violation[] } | undefined {
  const response = exchange.response;
  if (response === undefined) return undefined;
  let problem: { type?: unknown; validation?: unknown } | undefined;
  try {
    problem = JSON.parse(response.body) as typeof problem;
  } catch {
    problem = undefined;
  }
  const header = response.headers["sl-violations"];
  let fromHeader: Violation[] = [];
  try {
    fromHeader = header === undefined ? [] : (JSON.parse(header) as Violation[]);
  } catch {
    fromHeader = header === undefined ? [] : [{ message: header }];
  }
  const errors = (v: Violation): boolean => v.severity === undefined || v.severity === "Error";
  const onRequest = fromHeader.filter((v) => v.location?.[0] === "request" && errors(v));
  const type = isObject(problem) && typeof problem.type === "string" && problem.type.startsWith(PRISM_ERROR) ? problem.type.slice(PRISM_ERROR.length) : undefined;
  const fromBody = isObject(problem) && Array.isArray(problem.validation) ? (problem.validation as Violation[]).filter(errors) : [];
  // Prism's own made-up response broke the spec (it answers 500 VIOLATIONS): not the request's doing.
  if (type === "VIOLATIONS" && fromBody.length > 0 && fromBody.every((v) => v.location?.[0] === "response")) return undefined;
  // Prism accepted the request and then failed to make up its own response (see prismResponseFailure).
  if (type !== undefined && RESPONSE_SIDE.has(type) && onRequest.length === 0) return undefined;
  if (type === undefined && onRequest.length === 0) return undefined;
  return { ...(type !== undefined && { type }), violations: onRequest.length > 0 ? onRequest : fromBody };
}

/** Prism's errors about the response it makes up, raised after the request passed validation. */
const RESPONSE_SIDE = new Set(["NO_COMPLEX_OBJECT_TEXT", "SCHEMA_TOO_COMPLEX", "NO_RESPONSE_RESPONSE_DEFINED"]);

/**
 * Prism failed on its own response, not on the request: it answered 500 VIOLATIONS because the
 * body it made up broke the spec; NO_COMPLEX_OBJECT_TEXT because it would not serialise an object
 * schema for a media type such as `*\/*` (which application/json satisfies); SCHEMA_TOO_COMPLEX
 * because its body generator gave up; NO_RESPONSE_RESPONSE_DEFINED for an operation without
 * responses (OpenAPI 3.1 makes them optional).
 */
function prismResponseFailure(exchange: Exchange, document: JsonObject, operation: Located): Finding | undefined {
  let problem: { type?: unknown; validation?: Violation[] };
  try {
    const parsed: unknown = JSON.parse(exchange.response!.body);
    if (!isObject(parsed)) return undefined;
    problem = parsed as typeof problem;
  } catch {
    return undefined;
  }
  if (problem.type === `${PRISM_ERROR}VIOLATIONS` && Array.isArray(problem.validation)) {
    const violations = problem.validation.map((v) => `${(v.location ?? []).join(".")} ${v.message ?? ""}`).join("; ").slice(0, 400);
    return { rule: "made-up response breaks the spec", text: `Prism's generated response broke the spec and it answered ${exchange.response!.status} instead (no violation on the request): ${violations}` };
  }
  if (problem.type === `${PRISM_ERROR}NO_COMPLEX_OBJECT_TEXT`) {
    // isJsonMedia counts `*/*` as JSON (the SDK parses it so); here: anything but JSON proper.
    const media = objectMediaTypes(document, operation).filter((m) => !/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(m));
    if (media.length === 0) return undefined;
    return { rule: "NO_COMPLEX_OBJECT_TEXT", text: `Prism accepted the request but would not serialise the object schema declared for ${media.join(", ")} (NO_COMPLEX_OBJECT_TEXT, answered ${exchange.response!.status}); JSON satisfies that media type` };
  }
  if (problem.type === `${PRISM_ERROR}SCHEMA_TOO_COMPLEX`) {
    return { rule: "SCHEMA_TOO_COMPLEX", text: `Prism accepted the request (no violation on it) but its body generator gave up on the response schema (SCHEMA_TOO_COMPLEX, answered ${exchange.response!.status})` };
  }
  if (problem.type === `${PRISM_ERROR}NO_RESPONSE_RESPONSE_DEFINED`) {
    const responses = operation.node.responses;
    if (isObject(responses) && Object.keys(responses).length > 0) return undefined;
    return { rule: "operation without responses", text: `the operation declares no responses (OpenAPI 3.1 allows that), so Prism has none to answer with (NO_RESPONSE_RESPONSE_DEFINED, answered ${exchange.response!.status})` };
  }
  return undefined;
}

/**
 * Prism cannot serve what the spec declares, with no violation on the request: it routes no
 * `QUERY` operation (OpenAPI 3.2's method: NO_PATH_MATCHED_ERROR where the path item declares
 * `query`), and has no serializer for a sequential media type it is to answer with (JSON Lines,
 * JSON text sequences: UNKNOWN "Cannot find serializer for …", with or without Accept). It
 * knows no other OpenAPI 3.2 addition either: an `additionalOperations` method is
 * NO_METHOD_MATCHED_ERROR (or NO_PATH_MATCHED_ERROR when the path item has no fixed method), and
 * a security requirement that names its scheme by URI (`#/components/securitySchemes/x`) is
 * UNAUTHORIZED though the request carries that scheme's credentials.
 */
function prismCannotServe(exchange: Exchange, document: JsonObject, operation: Located): Finding | undefined {
  let problem: { type?: unknown; title?: unknown };
  try {
    problem = JSON.parse(exchange.response!.body) as typeof problem;
  } catch {
    return undefined;
  }
  if (!isObject(problem) || exchange.response!.headers["sl-violations"] !== undefined) return undefined;
  const method = exchange.request.method.toLowerCase();
  if (problem.type === `${PRISM_ERROR}NO_PATH_MATCHED_ERROR` && method === "query" && operation.pointer.endsWith("/query")) {
    return { rule: "QUERY method", text: `Prism routes no QUERY operation (OpenAPI 3.2), though the spec declares ${operation.pointer} (NO_PATH_MATCHED_ERROR, answered ${exchange.response!.status})` };
  }
  if ((problem.type === `${PRISM_ERROR}NO_METHOD_MATCHED_ERROR` || problem.type === `${PRISM_ERROR}NO_PATH_MATCHED_ERROR`) && operation.pointer.includes("/additionalOperations/")) {
    return { rule: "additionalOperations method", text: `Prism routes no additionalOperations method (OpenAPI 3.2), though the spec declares ${operation.pointer} (${String(problem.type).slice(PRISM_ERROR.length)}, answered ${exchange.response!.status})` };
  }
  const uriKeyed = uriKeyedScheme(document, operation, exchange);
  if (problem.type === `${PRISM_ERROR}UNAUTHORIZED` && uriKeyed !== undefined) {
    return { rule: "security requirement keyed by URI", text: `Prism reads no security requirement keyed by a URI (OpenAPI 3.2): the request carries the credentials of ${uriKeyed} (UNAUTHORIZED, answered ${exchange.response!.status})` };
  }
  const media = typeof problem.title === "string" ? /^Cannot find serializer for (\S+)$/.exec(problem.title)?.[1] : undefined;
  if (problem.type === `${PRISM_ERROR}UNKNOWN` && media !== undefined && declaredResponseMedia(document, operation).includes(media.toLowerCase())) {
    return { rule: "no serializer for a sequential media type", text: `Prism accepted the request but has no serializer for the declared ${media} (UNKNOWN "${problem.title as string}", answered ${exchange.response!.status})` };
  }
  return undefined;
}

/**
 * The URI key (`#/components/securitySchemes/x`) of the operation's first security requirement
 * alternative that names a scheme by URI, when the request carries that bearer or API-key scheme's
 * credentials: the evidence that an UNAUTHORIZED is Prism not reading the key.
 */
function uriKeyedScheme(document: JsonObject, operation: Located, exchange: Exchange): string | undefined {
  const security = Array.isArray(operation.node.security) ? operation.node.security : Array.isArray(document.security) ? document.security : [];
  const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  const headers = Object.fromEntries(Object.entries(exchange.request.headers).map(([name, value]) => [name.toLowerCase(), value]));
  for (const requirement of security) {
    if (!isObject(requirement)) continue;
    for (const key of Object.keys(requirement)) {
      const name = /^#\/components\/securitySchemes\/([^/]+)$/.exec(key)?.[1];
      const scheme = name === undefined ? undefined : schemes[name];
      if (!isObject(scheme)) continue;
      const sent = scheme.type === "apiKey" && scheme.in === "header" && typeof scheme.name === "string" ? headers[scheme.name.toLowerCase()] : headers.authorization;
      if (sent !== undefined) return key;
    }
  }
  return undefined;
}

/** Every media type an operation's responses declare, lower-cased. */
function declaredResponseMedia(document: JsonObject, operation: Located): string[] {
  const responses = isObject(operation.node.responses) ? operation.node.responses : {};
  return Object.keys(responses).flatMap((key) => {
    const response = locate(document, child(operation, "responses", key));
    return response !== undefined && isObject(response.node.content) ? Object.keys(response.node.content).map((m) => m.toLowerCase()) : [];
  });
}

/** The response media types of an operation whose schema is an object or array (after a local `$ref`). */
function objectMediaTypes(document: JsonObject, operation: Located): string[] {
  const found = new Set<string>();
  const responses = isObject(operation.node.responses) ? operation.node.responses : {};
  for (const key of Object.keys(responses)) {
    const response = locate(document, child(operation, "responses", key));
    const content = response !== undefined && isObject(response.node.content) ? response.node.content : {};
    for (const [media, object] of Object.entries(content)) {
      if (!isObject(object) || object.schema === undefined) continue;
      const schema = locate(document, child(response!, "content", media, "schema"))?.node;
      if (isObject(schema) && (schema.type === "object" || schema.type === "array" || isObject(schema.properties))) found.add(media);
    }
  }
  return [...found];
}

/** OpenAPI: a header parameter named so "SHALL be ignored" (the SDK sets these from its own logic). */
const IGNORED_HEADERS = new Set(["authorization", "accept", "content-type"]);

/** The header parameters the spec declares on an operation (path-level ones included), lower-cased. */
function declaredHeaderParams(document: JsonObject, operation: Located): Set<string> {
  const names = new Set<string>();
  const pathItem = operation.pointer.slice(0, operation.pointer.lastIndexOf("/"));
  for (const list of [`${pathItem}/parameters`, `${operation.pointer}/parameters`]) {
    // locate() yields objects only: walk the list's items until one is missing.
    for (let i = 0, param = locate(document, `${list}/0`); param !== undefined; param = locate(document, `${list}/${++i}`)) {
      if (param.node.in === "header" && typeof param.node.name === "string") names.add(param.node.name.toLowerCase());
    }
  }
  return names;
}

const MISSING_PROPERTY = /must have required property '([^']+)'/;

/** Known ways Prism rejects a request that follows the OpenAPI rules, each checked on the raw request. */
function prismLimitation(violations: readonly Violation[], context: { judge: Judge; document: JsonObject; operation: Located; exchange: Exchange; sdk: SdkOperation; args: readonly BuiltArg[] }): Finding | undefined {
  const { judge, document, operation, exchange, sdk, args } = context;
  const request = exchange.request;
  const contentType = (request.headers["content-type"] ?? "").toLowerCase();
  const body = request.body ?? "";
  const at = (v: Violation): string => where(v).join(".");
  const bodyBuilt = args.find((a) => a.param === undefined);
  const bodyArg = bodyBuilt?.value;
  const reasons = violations.map((v): Finding | undefined => {
    const where = at(v);
    // Prism names a missing header as `header.X`, or as `header` with X in its message.
    const header = where.startsWith("header.") ? where.slice(7) : where === "header" ? MISSING_PROPERTY.exec(v.message ?? "")?.[1] : undefined;
    if (header !== undefined && IGNORED_HEADERS.has(header.toLowerCase()) && declaredHeaderParams(document, operation).has(header.toLowerCase())) {
      const sent = request.headers[header.toLowerCase()];
      return { rule: "ignored header parameter", text: `Prism requires the spec's header parameter ${header}, which OpenAPI says SHALL be ignored (the SDK sent ${sent === undefined ? "none" : `${header}: ${sent}`} from its own logic${request.body === undefined ? ", with no body" : ""})` };
    }
    const property = MISSING_PROPERTY.exec(v.message ?? "")?.[1];
    if (where.startsWith("body") && property !== undefined && bodyBuilt?.schemaPointer !== undefined) {
      const strict = judge.validate(bodyBuilt.schemaPointer, bodyArg, "strict");
      if (judge.validate(bodyBuilt.schemaPointer, bodyArg, "write").valid && strict.errors.some((e) => e.includes(`required property '${property}'`))) {
        return { rule: "required readOnly in a request", text: `Prism demands the readOnly property ${property} in a request body (ajv: the body is valid once required readOnly properties are not required, as OpenAPI says they apply to responses only; the SDK's request type leaves readOnly properties out)` };
      }
    }
    if (where.startsWith("body") && /^application\/(jsonl|x-ndjson|x-jsonlines)\s*(;|$)/.test(contentType) && bodyBuilt?.schemaPointer !== undefined && jsonLinesMatch(body, bodyBuilt.schemaPointer, judge)) {
      return { rule: "JSON Lines request body", text: `Prism validates the ${contentType} body as one JSON value, not as lines (ajv: each line the SDK sent matches the item schema ${bodyBuilt.schemaPointer})` };
    }
    const formBody = where.startsWith("body") || (where === "" && /deserialize JSON object array in form data/.test(v.message ?? ""));
    if (formBody && contentType.startsWith("application/x-www-form-urlencoded") && /%5B\d+%5D%5B|\[\d+\]\[/.test(body)) {
      return { rule: "form-encoded array of objects", text: "Prism cannot read form-encoded arrays of objects (`items[0][name]=…`, as the SDK sent them)" };
    }
    if (where.startsWith("body.") && contentType.startsWith("multipart/form-data")) {
      const name = where.slice(5).split(".")[0]!;
      const parts = body.split(/\r?\n--/).filter((part) => part.includes(`name="${name}"`));
      const sent = isObject(bodyArg) ? (bodyArg as Record<string, unknown>)[name] : undefined;
      if (Array.isArray(sent) && parts.length === sent.length) return { rule: "multipart array", text: `Prism reads the multipart array ${name} as one value (the SDK sent one part per item, ${parts.length})` };
      if (parts.length === 1 && /Content-Type: application\/json/i.test(parts[0]!)) return { rule: "multipart JSON part", text: `Prism does not parse the JSON part ${name} (the SDK sent it as application/json)` };
    }
    if (where.startsWith("query.")) {
      const param = sdk.params.find((p) => p.in === "query" && where.slice(6).startsWith(p.name));
      if (param?.style === "deepObject" && decodeURIComponent(new URL(request.url).search).includes(`${param.name}[`)) {
        return { rule: "deepObject", text: `Prism misreads deepObject members (the SDK sent ${param.name}[…]=… as OpenAPI's deepObject style says)` };
      }
    }
    if (where.startsWith("path.")) {
      const param = sdk.params.find((p) => p.in === "path" && p.name === where.slice(5));
      if (param !== undefined && (param.style === "matrix" || param.style === "label")) return { rule: "matrix/label path", text: `Prism does not read ${param.style}-style path parameters (the SDK sent ${new URL(request.url).pathname})` };
    }
    return undefined;
  });
  if (reasons.length === 0 || reasons.some((r) => r === undefined)) {
    // Matrix and label paths make Prism fail to route at all.
    const styled = sdk.params.find((p) => p.in === "path" && (p.style === "matrix" || p.style === "label"));
    if (styled !== undefined && violations.length === 0) return { rule: "matrix/label path", text: `Prism does not route ${styled.style}-style path parameters (the SDK sent ${new URL(request.url).pathname})` };
    return undefined;
  }
  const found = reasons as Finding[];
  return { rule: [...new Set(found.map((f) => f.rule))].sort().join(" + "), text: [...new Set(found.map((f) => f.text))].join("; ") };
}

/** Whether a JSON Lines body has at least one line, and each parses and matches the item schema. */
function jsonLinesMatch(body: string, schemaPointer: string, judge: Judge): boolean {
  const lines = body.split("\n").filter((line) => line.trim() !== "");
  return (
    lines.length > 0 &&
    lines.every((line) => {
      try {
        return judge.validate(schemaPointer, JSON.parse(line), "write").valid;
      } catch {
        return false;
      }
    })
  );
}

/**
 * An argument from the spec's own example that breaks its schema (and no valid sample could be
 * made), where Prism complained. A sample that breaks its schema is the harness's failing, not the spec's.
 */
function specDefect(violations: readonly Violation[], args: readonly BuiltArg[]): Finding | undefined {
  const broken = args.filter((a) => a.matchesSchema === false && a.source.startsWith("example"));
  if (broken.length === 0) return undefined;
  const names = new Set(broken.map((a) => (a.param === undefined ? "body" : a.param.name)));
  const blamed = violations.filter((v) => {
    const place = where(v);
    return place[0] === "body" ? names.has("body") : names.has(String(place[1]));
  });
  if (blamed.length === 0 && violations.length > 0) return undefined;
  return { rule: "example breaks its schema", text: broken.map((a) => `${a.key} from ${a.source} breaks its schema ${a.schemaPointer}: ${(a.schemaErrors ?? []).join("; ")}`).join(" | ") };
}

/** The response object the spec declares for a status (exact, `4XX`, then `default`). */
export function declaredResponse(document: JsonObject, operation: Located, status: number): Located | undefined {
  const responses = isObject(operation.node.responses) ? operation.node.responses : {};
  for (const key of [String(status), `${String(status)[0]}XX`, `${String(status)[0]}xx`, "default"]) {
    if (responses[key] !== undefined) return locate(document, child(operation, "responses", key));
  }
  return undefined;
}

export function responseSchema(document: JsonObject, response: Located, contentType: string): string | undefined {
  const content = isObject(response.node.content) ? response.node.content : {};
  const essence = contentType.split(";")[0]!.trim().toLowerCase();
  const media = Object.keys(content).find((m) => m.toLowerCase() === essence) ?? Object.keys(content).find(isJsonMedia);
  if (media === undefined || !isObject(content[media]) || content[media].schema === undefined) return undefined;
  return child(response, "content", media, "schema");
}

function bodyVerdicts(judge: Judge, document: JsonObject, operation: Located, exchange: Exchange): { pointer: string; verdicts: { strict: Verdict; tolerant: Verdict } } | undefined {
  const response = exchange.response!;
  const contentType = response.headers["content-type"] ?? "";
  if (!isJsonMedia(contentType) || response.body.trim() === "") return undefined;
  const declared = declaredResponse(document, operation, response.status);
  if (declared === undefined) return undefined;
  const pointer = responseSchema(document, declared, contentType);
  if (pointer === undefined) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return undefined;
  }
  return { pointer, verdicts: judge.response(pointer, body) };
}

export function classify(input: {
  readonly judge: Judge;
  readonly document: JsonObject;
  readonly operation: Located;
  readonly sdk: SdkOperation;
  readonly args: readonly BuiltArg[];
  readonly exchange: Exchange | undefined;
  readonly result: SdkResult;
}): Judgement {
  const { judge, document, operation, sdk, args, exchange, result } = input;
  if (result.kind === "untyped") return { outcome: "untyped-throw", reason: `${result.name}: ${result.message}` };
  if (exchange === undefined || exchange.response === undefined) {
    return { outcome: "sdk-error", reason: `${result.kind === "sdk-error" ? `${result.name}: ${result.message}` : result.kind} (no response was received)` };
  }
  const missing = missingArguments(args, exchange.request, sdk.path);
  const rejected = requestViolations(exchange);
  if (missing.length > 0) return { outcome: "argument-missing", reason: missing.join("; ") };
  if (rejected !== undefined) {
    const text = `${rejected.type ?? "violations"}: ${rejected.violations.map((v) => `${where(v).join(".")} ${v.message ?? ""}`.trim()).join("; ")}`;
    const limitation = prismCannotServe(exchange, document, operation) ?? prismLimitation(rejected.violations, { judge, document, operation, exchange, sdk, args });
    if (limitation !== undefined) return { outcome: "prism-limitation", rule: limitation.rule, reason: `${limitation.text} — Prism said ${text}` };
    const defect = specDefect(rejected.violations, args);
    if (defect !== undefined) return { outcome: "spec-defect", rule: defect.rule, reason: `${defect.text} — Prism said ${text}` };
    return { outcome: "prism-rejected", reason: text };
  }

  const status = exchange.response.status;
  const ownResponse = prismResponseFailure(exchange, document, operation);
  if (ownResponse !== undefined) return { outcome: "prism-limitation", rule: ownResponse.rule, reason: ownResponse.text };
  const judged = bodyVerdicts(judge, document, operation, exchange);
  const strict = judged?.verdicts.strict.valid ?? true;
  const tolerant = judged?.verdicts.tolerant.valid ?? true;
  const tolerance = (): Judgement => (strict ? { outcome: "ok", reason: "" } : { outcome: "tolerated", reason: judged!.verdicts.strict.errors.join("; ") });
  const invalid = (): Judgement => ({ outcome: "accepted-invalid", reason: `ajv refuses ${judged!.pointer}: ${judged!.verdicts.tolerant.errors.join("; ")}` });
  // A response Prism made up from the spec that breaks the spec: the spec's example, or Prism's generator.
  const badResponse = (): Judgement => {
    const fromExample = declaredExampleMatches(document, operation, exchange);
    return {
      outcome: fromExample ? "spec-defect" : "prism-limitation",
      rule: fromExample ? "response example breaks its schema" : "made-up response breaks the spec",
      reason: `${fromExample ? "the spec's example" : "Prism's generated body"} for ${status} breaks ${judged!.pointer}: ${judged!.verdicts.strict.errors.join("; ")}`,
    };
  };

  if (status >= 200 && status < 300) {
    if (result.kind === "data") return tolerant ? tolerance() : invalid();
    if (result.kind === "refused") {
      if (!tolerant) return badResponse();
      const nulls = judged === undefined ? undefined : judge.inferredObjectNulls(judged.pointer, JSON.parse(exchange.response.body));
      if (nulls !== undefined) {
        return {
          outcome: "spec-defect",
          rule: "object schema without type",
          reason: `null at ${nulls.join(", ")}, where ${judged!.pointer} has a schema with object keywords and no type (JSON Schema: any type; the SDK, as README's Types paragraph says: an object, so not null) — ${result.message.slice(0, 200)}`,
        };
      }
      return { outcome: "refused-valid", reason: `${result.message.slice(0, 300)} — ajv accepts ${judged?.pointer ?? "(no schema)"}` };
    }
    return { outcome: "misclassified", reason: `a ${status} ended in ${result.kind}${"status" in result ? ` ${result.status}` : ""}${"message" in result ? `: ${result.message}` : ""}` };
  }
  if (result.kind !== "api-error") return { outcome: "misclassified", reason: `a ${status} ended in ${result.kind}${"message" in result ? `: ${result.message}` : ""}` };
  if (result.status !== status) return { outcome: "misclassified", reason: `ApiError.status ${result.status} for a ${status}` };
  const declared = declaredResponse(document, operation, status) !== undefined;
  if (!declared) return result.isError ? { outcome: "misclassified", reason: `isError is true for the undeclared status ${status}` } : { outcome: "ok", reason: "" };
  if (judged === undefined) return result.isError ? { outcome: "ok", reason: "" } : { outcome: "misclassified", reason: `isError is false for the declared ${status} (no JSON schema to fail)` };
  if (tolerant) return result.isError ? tolerance() : { outcome: "misclassified", reason: `isError is false for a declared ${status} whose body ajv accepts` };
  if (result.isError) return invalid();
  return badResponse();
}

function declaredExampleMatches(document: JsonObject, operation: Located, exchange: Exchange): boolean {
  const response = exchange.response!;
  const declared = declaredResponse(document, operation, response.status);
  if (declared === undefined || !isObject(declared.node.content)) return false;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return false;
  }
  const same = (value: unknown): boolean => JSON.stringify(value) === JSON.stringify(body);
  for (const media of Object.values(declared.node.content)) {
    if (!isObject(media)) continue;
    if (media.example !== undefined && same(media.example)) return true;
    if (isObject(media.examples)) {
      for (const example of Object.values(media.examples)) {
        const resolved = isObject(example) && typeof example.$ref === "string" ? locate(document, example.$ref)?.node : example;
        if (isObject(resolved) && same(resolved.value)) return true;
      }
    }
    const schema = isObject(media.schema) && typeof media.schema.$ref === "string" ? locate(document, media.schema.$ref)?.node : media.schema;
    if (isObject(schema) && schema.example !== undefined && same(schema.example)) return true;
  }
  return false;
}

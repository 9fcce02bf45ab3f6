import { formatIssues, type ValidationIssue } from "../errors/format-issues.js";
import { SdkError } from "../errors/sdk-error.js";
import { Log } from "../logging/log.js";
import type { Validator } from "../operation.js";
import type { Logger, LogLevel, ValidationMode } from "../options.js";
import { check } from "../response/validate.js";
import { unlistedValues } from "../unlisted.js";
import type { RawBody } from "./bytes.js";
import { headerValue, type WebhookHeaders } from "./headers.js";
import { readRequestBody } from "./read-request.js";
import type { SignatureScheme } from "./schemes.js";
import { verifyWebhook, type VerifyWebhookOptions } from "./verify.js";
import { WebhookHeaderError, WebhookVerificationError } from "./webhook-verification-error.js";

/** A payload's or headers' validator: a schema of schemas.ts, classic zod or zod/mini (run as a Standard Schema). */
export type WebhookValidator = Validator;

/** The API's webhooks as the generator describes them (an SDK's webhooks.ts). */
export interface WebhooksSpec {
  readonly title: string;
  /** The spec's `x-webhook-signature`; Standard Webhooks when absent. */
  readonly scheme?: SignatureScheme;
  /** Webhook names, in the spec's order. */
  readonly names: readonly string[];
  /**
   * A payload field whose value names the webhook, when every payload has one with a distinct
   * constant: [value, webhook name] pairs. (Pairs, not an object: a spec string such as
   * `__proto__` would not survive as an object literal's key.)
   */
  readonly discriminator?: { readonly field: string; readonly values: readonly (readonly [value: string, webhook: string])[] };
  /** The SDK's default validation (generated with `validate`). */
  readonly validate?: ValidationMode;
  /** Generated with `--strict`: enum values and variants the spec does not list fail validation. */
  readonly strict?: boolean;
  /** Whether validators decode date-times into `Date`s (generated with `dates: "date"`). */
  readonly dates?: boolean;
  /** [webhook name, the name schemas.ts exports its payload's validator under] pairs. */
  readonly validators: readonly (readonly [webhook: string, exported: string])[];
  /** The header parameters webhooks declare, for those that declare any. */
  readonly headers?: readonly DeclaredHeaders[];
  /** Imports schemas.ts, on first use, so that importing the SDK loads neither zod nor the validators. */
  readonly loadValidators?: () => Promise<object>;
}

/** A webhook's declared headers: the event's `headers` holds them, keyed by lower-case name. */
export interface DeclaredHeaders {
  readonly webhook: string;
  /** The name schemas.ts exports the headers' validator under. */
  readonly validator: string;
  /** As the spec spells them. */
  readonly names: readonly string[];
  readonly required: readonly string[];
}

export interface UnwrapOptions extends Omit<VerifyWebhookOptions, "scheme"> {
  /** Overrides the spec's signature scheme. */
  readonly scheme?: SignatureScheme;
  /** Overrides the client's `validate` for this payload. */
  readonly validate?: ValidationMode;
}

/** The client options webhooks follow. */
export interface WebhookClientOptions {
  readonly validate?: ValidationMode;
  readonly logger?: Logger;
  readonly logLevel?: LogLevel;
}

/** `api.webhooks`: turns an incoming, signed request into one of the API's typed events. */
export interface Webhooks<Event> {
  /**
   * Verifies the signature over the raw body exactly as received, checks the timestamp, parses
   * the JSON, tells which webhook it is and validates it, and the headers it declares (on the
   * event's `headers`). Throws `WebhookVerificationError` (`WebhookHeaderError` for a header).
   */
  unwrap(body: RawBody, headers: WebhookHeaders, options: UnwrapOptions): Promise<Event>;
  /** The same for a fetch `Request` (Hono, Next.js, Cloudflare Workers, Deno, Bun): reads its body once. */
  unwrapRequest(request: Request, options: UnwrapOptions): Promise<Event>;
}

export function bindWebhooks<Event>(spec: WebhooksSpec, client: WebhookClientOptions = {}): Webhooks<Event> {
  const log = new Log(client.logger ?? console, client.logLevel ?? "warn", spec.title);
  const reported = new Set<string>();
  const discriminatorValues = new Map(spec.discriminator?.values);
  const declaredHeaders = new Map(spec.headers?.map((declared) => [declared.webhook, declared]));
  let validators: Promise<Validators> | undefined;
  const unwrap = async (body: RawBody, headers: WebhookHeaders, options: UnwrapOptions): Promise<Event> => {
    const scheme = options.scheme ?? spec.scheme ?? { scheme: "standard" };
    const bytes = await verifyWebhook(body, headers, { ...options, scheme });
    const payload = parseJson(bytes);
    const mode = options.validate ?? client.validate ?? spec.validate ?? "strict";
    const named = scheme.scheme === "github" ? githubWebhookName(spec.names, headerValue(headers, "X-GitHub-Event"), payload) : undefined;
    const name = named ?? declaredName(spec, discriminatorValues, payload);
    // With validate "off", zod and the validators are loaded only when nothing else names the webhook (or for Dates).
    const needed = name === undefined || mode !== "off" || spec.dates === true;
    if (needed && spec.loadValidators === undefined && spec.validators.length > 0) throw withoutValidators(name, mode);
    const loaded = needed ? await (validators ??= loadValidators(spec)) : { payload: () => undefined, headers: () => undefined };
    const checking: Checking = { mode, validators: loaded, log, reported };
    const event = name === undefined ? firstMatch(spec, payload, loaded.payload) : { name, payload: validatePayload(spec, name, payload, checking) };
    const declared = declaredHeaders.get(event.name);
    return (declared === undefined ? event : { ...event, headers: checkHeaders(spec, declared, headers, checking) }) as Event;
  };
  return {
    unwrap,
    unwrapRequest: async (request, options) => unwrap(await readRequestBody(request, options.maxBodySize), request.headers, options),
  };
}

/** An SDK generated with `--validate off` has no validators: it cannot validate, nor tell apart webhooks that only their schemas do. */
function withoutValidators(name: string | undefined, mode: ValidationMode): Error {
  if (name === undefined) return new WebhookVerificationError({ reason: "unknown-webhook", detail: "nothing names the webhook, and this SDK was generated with --validate off, without the validators that tell its webhooks apart" });
  return new SdkError(`webhooks: validate: ${JSON.stringify(mode)} needs validators, and this SDK was generated with --validate off, without them; regenerate it without that option to validate`);
}

/** A webhook's validator (of its payload, or of its headers), by webhook name. */
type ValidatorOf = (name: string) => WebhookValidator | undefined;

interface Validators {
  readonly payload: ValidatorOf;
  readonly headers: ValidatorOf;
}

async function loadValidators(spec: WebhooksSpec): Promise<Validators> {
  // The generator names only exports of schemas.ts, each a zod schema.
  const module = (spec.loadValidators === undefined ? {} : await spec.loadValidators()) as Readonly<Record<string, WebhookValidator | undefined>>;
  const lookup = (exports: ReadonlyMap<string, string>): ValidatorOf => (name) => {
    const exported = exports.get(name);
    return exported === undefined ? undefined : module[exported];
  };
  return { payload: lookup(new Map(spec.validators)), headers: lookup(new Map(spec.headers?.map((declared) => [declared.webhook, declared.validator]))) };
}

interface Checking {
  readonly mode: ValidationMode;
  readonly validators: Validators;
  readonly log: Log;
  /** Unlisted values already logged, so each is logged once per client. */
  readonly reported: Set<string>;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new WebhookVerificationError({ reason: "invalid-payload", detail: "the body is not JSON" });
  }
}

/**
 * The webhook the payload's discriminator field names, or the only one there is; undefined when
 * the spec has no such field and several webhooks (then `firstMatch` decides).
 */
function declaredName(spec: WebhooksSpec, values: ReadonlyMap<string, string>, payload: unknown): string | undefined {
  if (spec.discriminator !== undefined) return discriminate(spec.discriminator.field, values, payload);
  return spec.names.length === 1 ? spec.names[0] : undefined;
}

/** The first webhook, in the spec's order, whose schema the payload matches: nothing else tells them apart. */
function firstMatch(spec: WebhooksSpec, payload: unknown, validatorOf: ValidatorOf): { name: string; payload: unknown } {
  for (const name of spec.names) {
    const validator = validatorOf(name);
    const result = validator === undefined ? undefined : check(validator, payload);
    if (result?.ok) return { name, payload: result.value };
  }
  throw new WebhookVerificationError({ reason: "unknown-webhook", detail: `the payload matches none of the ${spec.names.length} webhooks' schemas` });
}

/**
 * GitHub names a delivery's event in `X-GitHub-Event` (`check_run`) and its action in the payload's
 * `action` (`requested_action`); GitHub's webhooks spec names the webhook after both
 * (`check-run-requested-action`), or after the event alone (`push`).
 */
function githubWebhookName(names: readonly string[], event: string | undefined, payload: unknown): string | undefined {
  if (event === undefined) return undefined;
  const base = event.replaceAll("_", "-");
  const action = typeof payload === "object" && payload !== null && Object.hasOwn(payload, "action") ? (payload as { action: unknown }).action : undefined;
  const candidates = typeof action === "string" ? [`${base}-${action.replaceAll("_", "-")}`, base] : [base];
  return candidates.find((candidate) => names.includes(candidate));
}

function discriminate(field: string, values: ReadonlyMap<string, string>, payload: unknown): string {
  const value = typeof payload === "object" && payload !== null && Object.hasOwn(payload, field) ? (payload as Record<string, unknown>)[field] : undefined;
  const name = typeof value === "string" ? values.get(value) : undefined;
  if (name === undefined) throw new WebhookVerificationError({ reason: "unknown-webhook", detail: `the payload's ${field} names none of the webhooks` });
  return name;
}

function validatePayload(spec: WebhooksSpec, name: string, payload: unknown, checking: Checking): unknown {
  const invalid = (issues: readonly ValidationIssue[]) => new WebhookVerificationError({ reason: "invalid-payload", detail: `the ${name} payload does not match its schema`, issues });
  return validate(spec, `webhook ${name}: the payload`, checking.validators.payload(name), payload, checking, invalid);
}

/**
 * The headers the webhook declares, keyed by lower-case name, checked as its payload is (per the
 * mode; an unlisted enum value tolerated). A missing required one is a `WebhookHeaderError` naming
 * it. Header values are text: where the spec types one a number, boolean or list, it is converted.
 */
function checkHeaders(spec: WebhooksSpec, declared: DeclaredHeaders, headers: WebhookHeaders, checking: Checking): Readonly<Record<string, unknown>> {
  // fromEntries, not assignment: a header the spec names `__proto__` cannot reach the prototype.
  const received: Readonly<Record<string, string>> = Object.fromEntries(
    declared.names.flatMap((name) => {
      const value = headerValue(headers, name);
      return value === undefined ? [] : [[name.toLowerCase(), value]];
    }),
  );
  if (checking.mode === "off") return received;
  const missing = declared.required.find((name) => !Object.hasOwn(received, name.toLowerCase()));
  // With "warn", the validator's issues report it.
  if (missing !== undefined && checking.mode === "strict") {
    throw new WebhookHeaderError({ reason: "missing-header", header: missing, detail: `the ${declared.webhook} webhook requires a ${missing} header` });
  }
  const validator = checking.validators.headers(declared.webhook);
  const typed = withTypedValues(validator, received);
  const invalid = (issues: readonly ValidationIssue[]) => {
    const key = issues[0]?.path[0];
    const header = declared.names.find((name) => name.toLowerCase() === key) ?? String(key);
    return new WebhookHeaderError({ reason: "invalid-header", header, detail: `the ${declared.webhook} webhook's headers do not match the spec`, issues });
  };
  return validate(spec, `webhook ${declared.webhook}: a header`, validator, typed, checking, invalid) as Readonly<Record<string, unknown>>;
}

/**
 * Header text converted where the validator wants a number, a boolean or a list (`a, b`), and
 * then the list's items: a round per level, each applying what the previous one's issues allow.
 */
function withTypedValues(validator: WebhookValidator | undefined, received: Readonly<Record<string, string>>): Readonly<Record<string, unknown>> {
  let current: Readonly<Record<string, unknown>> = received;
  for (let round = 0; round < 2 && validator !== undefined; round++) {
    const result = check(validator, current);
    if (result.ok) break;
    const converted = new Map<string, unknown>();
    for (const issue of result.issues) {
      const [key, index] = issue.path;
      if (typeof key !== "string" || !Object.hasOwn(current, key) || issue.path.length > 2) continue;
      const value = converted.has(key) ? converted.get(key) : current[key];
      if (issue.path.length === 1 && typeof value === "string") converted.set(key, typedValue(issue, value) ?? value);
      if (issue.path.length === 2 && Array.isArray(value) && typeof index === "number" && typeof value[index] === "string") {
        converted.set(key, value.map((item: unknown, at) => (at === index ? (typedValue(issue, item as string) ?? item) : item)));
      }
    }
    if (converted.size === 0) break;
    current = Object.fromEntries(Object.entries(current).map(([key, value]) => [key, converted.has(key) ? converted.get(key) : value]));
  }
  return current;
}

function typedValue(issue: ValidationIssue, text: string): unknown {
  if (issue.code === "invalid_value") return issue.values.find((allowed) => typeof allowed !== "string" && String(allowed) === text.trim());
  if (issue.code !== "invalid_type") return undefined;
  if (issue.expected === "number" && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (issue.expected === "boolean" && (text === "true" || text === "false")) return text === "true";
  if (issue.expected === "array") return text.split(",").map((item) => item.trim());
  return undefined;
}

/**
 * Validates a payload, or headers, as a response is validated: per the mode, tolerating enum
 * values and variants the spec does not list (unless the SDK is strict), each logged once.
 */
function validate(spec: WebhooksSpec, what: string, validator: WebhookValidator | undefined, value: unknown, { mode, log, reported }: Checking, invalid: (issues: readonly ValidationIssue[]) => WebhookVerificationError): unknown {
  // Date-times become Dates only through the validator: an SDK generated with dates runs it even with validate "off".
  if (validator === undefined || (mode === "off" && spec.dates !== true)) return value;
  const result = check(validator, value);
  if (result.ok) return result.value;
  const unlisted = spec.strict === true ? undefined : unlistedValues(result.issues, value);
  if (unlisted !== undefined) {
    for (const each of unlisted.filter((item) => !reported.has(`${what} ${item}`))) {
      reported.add(`${what} ${each}`);
      log.warn(`${what} has a value the spec does not list (${each}); regenerate the SDK to type it`);
    }
    return value;
  }
  if (mode === "strict") throw invalid(result.issues);
  if (mode === "warn") log.warn(`${what} does not match its schema (${formatIssues(result.issues)}); passed on unvalidated`);
  return value;
}

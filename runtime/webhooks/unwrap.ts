import { formatIssues, type ValidationIssue } from "../errors/format-issues.js";
import { Log } from "../logging/log.js";
import type { Logger, LogLevel, ValidationMode } from "../options.js";
import { unlistedValues } from "../unlisted.js";
import type { RawBody } from "./bytes.js";
import type { WebhookHeaders } from "./headers.js";
import { readRequestBody } from "./read-request.js";
import type { SignatureScheme } from "./schemes.js";
import { verifyWebhook, type VerifyWebhookOptions } from "./verify.js";
import { WebhookVerificationError } from "./webhook-verification-error.js";

/** What the runtime needs of a payload validator: zod's `safeParse`. */
export interface WebhookValidator {
  safeParse(value: unknown): { readonly success: true; readonly data: unknown } | { readonly success: false; readonly error: { readonly issues: readonly ValidationIssue[] } };
}

/** The API's webhooks as the generator describes them (an SDK's webhooks.ts). */
export interface WebhooksSpec {
  readonly title: string;
  /** The spec's `x-webhook-signature`; Standard Webhooks when absent. */
  readonly scheme?: SignatureScheme;
  /** Webhook names, in the spec's order. */
  readonly names: readonly string[];
  /**
   * A payload field whose value names the webhook, when every payload has one with a distinct
   * constant: value → webhook name.
   */
  readonly discriminator?: { readonly field: string; readonly values: Readonly<Record<string, string>> };
  /** The SDK's default validation (generated with `validate`). */
  readonly validate?: ValidationMode;
  /** Generated with `--strict`: enum values and variants the spec does not list fail validation. */
  readonly strict?: boolean;
  /** Whether validators decode date-times into `Date`s (generated with `dates: "date"`). */
  readonly dates?: boolean;
  /** Webhook name → the name schemas.ts exports its payload's validator under. */
  readonly validators: Readonly<Record<string, string>>;
  /** Imports schemas.ts, on first use, so that importing the SDK loads neither zod nor the validators. */
  readonly loadValidators?: () => Promise<object>;
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
   * the JSON, tells which webhook it is and validates it. Throws `WebhookVerificationError`.
   */
  unwrap(body: RawBody, headers: WebhookHeaders, options: UnwrapOptions): Promise<Event>;
  /** The same for a fetch `Request` (Hono, Next.js, Cloudflare Workers, Deno, Bun): reads its body once. */
  unwrapRequest(request: Request, options: UnwrapOptions): Promise<Event>;
}

export function bindWebhooks<Event>(spec: WebhooksSpec, client: WebhookClientOptions = {}): Webhooks<Event> {
  const log = new Log(client.logger ?? console, client.logLevel ?? "warn", spec.title);
  const reported = new Set<string>();
  let validators: Promise<ValidatorOf> | undefined;
  const unwrap = async (body: RawBody, headers: WebhookHeaders, options: UnwrapOptions): Promise<Event> => {
    const bytes = await verifyWebhook(body, headers, { ...options, scheme: options.scheme ?? spec.scheme ?? { scheme: "standard" } });
    const payload = parseJson(bytes);
    const mode = options.validate ?? client.validate ?? spec.validate ?? "strict";
    validators ??= loadValidators(spec);
    return (await identify(spec, payload, { mode, validatorOf: await validators, log, reported })) as Event;
  };
  return {
    unwrap,
    unwrapRequest: async (request, options) => unwrap(await readRequestBody(request, options.maxBodySize), request.headers, options),
  };
}

type ValidatorOf = (name: string) => WebhookValidator | undefined;

async function loadValidators(spec: WebhooksSpec): Promise<ValidatorOf> {
  // The generator names only exports of schemas.ts, each a zod schema.
  const module = (spec.loadValidators === undefined ? {} : await spec.loadValidators()) as Readonly<Record<string, WebhookValidator | undefined>>;
  return (name) => {
    const exported = Object.hasOwn(spec.validators, name) ? spec.validators[name] : undefined;
    return exported === undefined ? undefined : module[exported];
  };
}

interface Checking {
  readonly mode: ValidationMode;
  readonly validatorOf: ValidatorOf;
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
 * Which webhook the payload is: the one its discriminator field names, the only one there is, or
 * else the first (in the spec's order) whose schema it matches, since nothing else tells them apart.
 */
function identify(spec: WebhooksSpec, payload: unknown, checking: Checking): { name: string; payload: unknown } {
  const [only] = spec.names;
  const discriminated = spec.discriminator !== undefined ? discriminate(spec.discriminator, payload) : spec.names.length === 1 ? only : undefined;
  if (discriminated !== undefined) return { name: discriminated, payload: validate(spec, discriminated, payload, checking) };
  for (const name of spec.names) {
    const result = checking.validatorOf(name)?.safeParse(payload);
    if (result?.success) return { name, payload: result.data };
  }
  throw new WebhookVerificationError({ reason: "unknown-webhook", detail: `the payload matches none of the webhooks' schemas (${spec.names.join(", ")})` });
}

function discriminate(discriminator: NonNullable<WebhooksSpec["discriminator"]>, payload: unknown): string {
  const value = typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>)[discriminator.field] : undefined;
  const name = typeof value === "string" && Object.hasOwn(discriminator.values, value) ? discriminator.values[value] : undefined;
  if (name === undefined) throw new WebhookVerificationError({ reason: "unknown-webhook", detail: `the payload's ${discriminator.field} names none of the webhooks` });
  return name;
}

/**
 * Validates a payload as a response is validated: per the mode, tolerating enum values and
 * variants the spec does not list (unless the SDK is strict), each logged once.
 */
function validate(spec: WebhooksSpec, name: string, payload: unknown, { mode, validatorOf, log, reported }: Checking): unknown {
  const validator = validatorOf(name);
  // Date-times become Dates only through the validator: an SDK generated with dates runs it even with validate "off".
  if (validator === undefined || (mode === "off" && spec.dates !== true)) return payload;
  const result = validator.safeParse(payload);
  if (result.success) return result.data;
  const unlisted = spec.strict === true ? undefined : unlistedValues(result.error.issues, payload);
  if (unlisted !== undefined) {
    for (const value of unlisted.filter((each) => !reported.has(`${name} ${each}`))) {
      reported.add(`${name} ${value}`);
      log.warn(`webhook ${name}: the payload has a value the spec does not list (${value}); regenerate the SDK to type it`);
    }
    return payload;
  }
  if (mode === "strict") throw new WebhookVerificationError({ reason: "invalid-payload", detail: `the ${name} payload does not match its schema`, issues: result.error.issues });
  if (mode === "warn") log.warn(`webhook ${name}: the payload does not match its schema (${formatIssues(result.error.issues)}); passed on unvalidated`);
  return payload;
}

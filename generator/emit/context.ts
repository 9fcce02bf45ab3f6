import type { ApiModel, NamedSchema, Schema, SchemaMeta } from "../model/model.js";
import { resolveSchema, schemaIndex } from "../analyze/schema-facts.js";
import { childSchemas } from "../model/walk.js";
import { jsdocLines } from "./code/literals.js";
import { specDocLines } from "./spec-text.js";
import { webhookDiscriminator } from "./webhook-discriminator.js";
import type { ValidationMode } from "../../runtime/operation.js";

/**
 * A schema is printed for one side of the wire: `read` (responses: writeOnly fields dropped,
 * binary as string) or `write` (requests: readOnly fields dropped, binary as Blob).
 */
export type View = "read" | "write";

/** How responses are validated by default (see `GenerateOptions.validate`): the runtime's `ApiSpec.validate`. */
export type { ValidationMode };

/** How `format: date-time` values appear in code (see `GenerateOptions.dates`). */
export type DatesMode = "string" | "date";

/** Which zod API the validators are written in (see `GenerateOptions.zod`). */
export type ZodApi = "classic" | "mini";

export interface EmitOptions {
  /** Closed objects and enums (see `GenerateOptions.strict`). */
  readonly strict: boolean;
  /** Emit `testing.ts`, the mock kit (see `GenerateOptions.testing`). */
  readonly testing: boolean;
  /** The client's default `validate` (see `GenerateOptions.validate`). */
  readonly validate: ValidationMode;
  /** `format: date-time` as RFC 3339 strings or as `Date`s (see `GenerateOptions.dates`). */
  readonly dates: DatesMode;
  /** Validators in classic zod or zod/mini (see `GenerateOptions.zod`). */
  readonly zod: ZodApi;
  /**
   * The runtime folder as a module specifier from the SDK's folder: `./runtime` for the SDK's own
   * copy, a path such as `../runtime` for a shared one (see `GenerateOptions.runtime`).
   */
  readonly runtime: string;
  /** The SDK folder's name (not its path, which depends on the machine), for the README's imports. */
  readonly folder: string;
}

/** What every emitter needs to look up about the model. */
export class EmitContext {
  readonly model: ApiModel;
  readonly options: EmitOptions;
  readonly #byPointer: ReadonlyMap<string, NamedSchema>;
  #tags: ReadonlyMap<string, ReadonlySet<string>> | undefined;

  constructor(model: ApiModel, options: EmitOptions) {
    this.model = model;
    this.options = options;
    this.#byPointer = schemaIndex(model.schemas);
  }

  /** The module validators import zod from: `zod`, or `zod/mini`, whose functions a bundler can leave out one by one. */
  zodModule(): string {
    return this.options.zod === "mini" ? "zod/mini" : "zod";
  }

  /** The specifier of a runtime module, e.g. `./runtime/index.js`. */
  runtimeModule(module = "index.js"): string {
    return `${this.options.runtime}/${module}`;
  }

  named(pointer: string): NamedSchema {
    const named = this.#byPointer.get(pointer);
    if (!named) throw new Error(`internal: no named schema at ${pointer}`);
    return named;
  }

  /** The type name a reference resolves to in a view. */
  typeName(pointer: string, view: View): string {
    const named = this.named(pointer);
    return view === "write" && named.hasWritableView ? `${named.name}Writable` : named.name;
  }

  /**
   * The discriminator tags of unions this named schema is a variant of. Their enums stay closed
   * in types: TypeScript narrows a union only on literal tags.
   */
  tagsOf(pointer: string): ReadonlySet<string> {
    this.#tags ??= withWebhookTags(discriminatorTags(this.model), this);
    return this.#tags.get(pointer) ?? new Set();
  }

  /** Property names the spec marks secret, which the runtime redacts in logged bodies: read by client.ts and the README. */
  get secretFields(): readonly string[] {
    return this.model.secretFields;
  }

  /** The view a named schema's plain name stands for. */
  mainView(named: NamedSchema): View {
    return named.requestOnly ? "write" : "read";
  }

  /** Whether a schema is a date-time the SDK hands out as a `Date` (`dates: "date"`). */
  isDate(schema: Schema): boolean {
    return this.options.dates === "date" && schema.kind === "string" && schema.format === "date-time";
  }

  /** Follows refs to the schema itself (stopping at cycles). */
  resolve(schema: Schema): Schema {
    return resolveSchema(this.#byPointer, schema);
  }
}

/** Named schema pointer → the tags of the discriminated unions it (or a schema it extends) serves. */
function discriminatorTags(model: ApiModel): Map<string, Set<string>> {
  const byPointer = schemaIndex(model.schemas);
  const tags = new Map<string, Set<string>>();
  const mark = (pointer: string, tag: string, depth: number): void => {
    const set = tags.get(pointer) ?? new Set<string>();
    if (set.has(tag) || depth > 16) return;
    tags.set(pointer, set.add(tag));
    const schema = byPointer.get(pointer)?.schema;
    const tagProperty = schema?.kind === "object" ? schema.properties.find((p) => p.name === tag)?.schema : undefined;
    if (tagProperty?.kind === "ref") mark(tagProperty.target, tag, depth + 1);
    if (schema?.kind === "allOf") for (const part of schema.parts) if (part.kind === "ref") mark(part.target, tag, depth + 1);
  };
  const stack: Schema[] = model.schemas.map((named) => named.schema);
  for (let schema = stack.pop(); schema; schema = stack.pop()) {
    if (schema.kind === "union" && schema.discriminator) {
      for (const variant of schema.variants) if (variant.kind === "ref") mark(variant.target, schema.discriminator.propertyName, 0);
    }
    stack.push(...childSchemas(schema));
  }
  return tags;
}

/**
 * The field that tells webhook payloads apart (see emit/webhooks.ts) is a tag too: a payload with
 * any other value is rejected as an unknown webhook before it is validated, so the type can say
 * exactly which value each payload has.
 */
function withWebhookTags(tags: Map<string, Set<string>>, ctx: EmitContext): Map<string, Set<string>> {
  const discriminator = webhookDiscriminator(ctx);
  if (discriminator === undefined) return tags;
  for (const webhook of ctx.model.webhooks) {
    if (webhook.payload.kind !== "ref") continue;
    tags.set(webhook.payload.target, (tags.get(webhook.payload.target) ?? new Set<string>()).add(discriminator.field));
  }
  return tags;
}

/** Whether a property belongs to a view. */
export function inView(schema: SchemaMeta, view: View): boolean {
  return view === "read" ? schema.writeOnly !== true : schema.readOnly !== true;
}

/** JSDoc lines for a schema: title/description (the spec's), `extra` (the generator's), then tags. */
export function schemaDoc(meta: SchemaMeta & { format?: string }, extra?: string): readonly string[] | undefined {
  const lines: string[] = [];
  const paragraphs = [meta.title, meta.description]
    .filter((t): t is string => typeof t === "string" && t.trim() !== "")
    .map((t) => ({ lines: specDocLines(t), isTitle: t === meta.title }));
  if (extra !== undefined) paragraphs.push({ lines: jsdocLines(extra), isTitle: false });
  for (const [i, paragraph] of paragraphs.entries()) {
    if (i > 0 && paragraphs[i - 1]?.isTitle !== true) lines.push("");
    lines.push(...paragraph.lines);
  }
  if (meta.format && meta.format !== "binary") lines.push(...jsdocLines(`@format ${meta.format}`));
  lines.push(...defaultDoc(meta.default));
  if (meta.deprecated) lines.push("@deprecated");
  return lines.length > 0 ? lines : undefined;
}

/** The `@default` tag for a spec's default value, if there is one. */
export function defaultDoc(value: unknown): string[] {
  return value === undefined ? [] : jsdocLines(`@default ${JSON.stringify(value)}`);
}

/**
 * The convert phase: a loaded OpenAPI document → the model, pure. Every `$ref` is pointed at a
 * named schema and every name chosen here, once; no generator option is read (analyze/ applies
 * them), so the same document and name map always convert alike.
 */
import type { LoadedSpec } from "../load/index.js";
import type { ConvertedModel } from "../model/model.js";
import type { RecordedNames } from "../model/naming.js";
import { appendPointer } from "../errors.js";
import { BuildContext, isObject, stringOf, type JsonObject } from "./context.js";
import { routeKey } from "../model/route.js";
import { convertPaths } from "./operation.js";
import { convertSchema } from "./schema.js";
import { convertSecuritySchemes } from "./security.js";
import { convertServers } from "./servers.js";
import { convertTags } from "./tags.js";
import { convertWebhooks, convertWebhookSignature, hasWebhooks } from "./webhooks.js";

export interface ConvertedApi {
  readonly model: ConvertedModel;
  /** Each operation's raw object by route key (`GET /pets`): pagination reads its extensions once the client is laid out. */
  readonly operationObjects: ReadonlyMap<string, JsonObject>;
}

/**
 * Normalizes a loaded document into the model. `recorded` names (a previous generation's name
 * map) are kept for the schemas, operations and environments that still exist.
 */
export function convert(spec: LoadedSpec, recorded?: RecordedNames): ConvertedApi {
  const doc = spec.document;
  const ctx = new BuildContext(spec, recorded, { webhooks: hasWebhooks(doc) });
  const info = isObject(doc.info) ? doc.info : {};
  const components = isObject(doc.components) ? doc.components : {};

  // Component schemas claim their names first, so they keep the cleanest ones.
  if (isObject(components.schemas)) {
    for (const [name, raw] of Object.entries(components.schemas)) {
      ctx.nameSchema(appendPointer("#", "components", "schemas", name), name, raw);
    }
  }
  if (hasWebhooks(doc)) ctx.operationNames.block("webhooks");
  const securitySchemes = convertSecuritySchemes(ctx, components.securitySchemes, "#/components/securitySchemes");
  const converted = convertPaths(ctx, doc.paths, securitySchemes);
  const operations = converted.map(({ operation }) => operation);
  const webhooks = convertWebhooks(ctx, operations);
  ctx.drain((raw, pointer) => convertSchema(ctx, raw, pointer));

  const model: ConvertedModel = {
    title: stringOf(info.title) ?? "API",
    version: stringOf(info.version) ?? "",
    description: stringOf(info.description),
    source: spec.file,
    openapi: spec.version,
    servers: convertServers(ctx, doc.servers, "#/servers", recorded?.environments),
    schemas: ctx.namedSchemas(),
    operations,
    tags: convertTags(ctx, doc.tags, operations),
    self: selfOf(ctx, doc.$self),
    layout: "flat",
    securitySchemes,
    webhooks,
    webhookSignature: convertWebhookSignature(ctx),
    warnings: ctx.warnings,
  };
  return { model, operationObjects: new Map(converted.map(({ operation, raw }) => [routeKey(operation.method, operation.path), raw])) };
}

function selfOf(ctx: BuildContext, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === "string" && /^[^\s#\u0000-\u001f\u007f]+$/u.test(raw) && URL.canParse(raw, "https://base.invalid/")) return raw;
  ctx.warn("ignored", "$self must be a URI reference without a fragment: ignored", "#/$self");
  return undefined;
}

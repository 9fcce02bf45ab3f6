import type { LoadedSpec } from "../load/index.js";
import { BuildContext, isObject, stringOf } from "./context.js";
import type { ApiModel, NamedSchema } from "./model.js";
import type { RecordedNames } from "./naming.js";
import type { PaginationOption } from "./pagination-config.js";
import { convertPaths } from "./operation.js";
import { convertSchema } from "./schema.js";
import { convertSecuritySchemes } from "./security.js";
import { convertWebhooks, convertWebhookSignature, hasWebhooks } from "./webhooks.js";
import { reachable, recursiveSchemas, referenceGraph, schemasWithWritableView } from "./analysis.js";
import { appendPointer } from "../errors.js";

/**
 * Normalizes a loaded document into the model every emitter reads. `recorded` names (a previous
 * generation's name map) are kept for the schemas and operations that still exist; `pagination`
 * is the generator's option, which wins over what the spec says (see ir/pagination.ts).
 */
export function buildModel(spec: LoadedSpec, recorded?: RecordedNames, pagination: Readonly<Record<string, PaginationOption>> = {}): ApiModel {
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
  const operations = convertPaths(ctx, doc.paths, securitySchemes, pagination);
  const webhooks = convertWebhooks(ctx, operations);
  ctx.drain((raw, pointer) => convertSchema(ctx, raw, pointer));

  const named = ctx.namedSchemas();
  const graph = referenceGraph(named);
  const writable = schemasWithWritableView(named, graph);
  const recursive = recursiveSchemas(named, graph);
  const requests = reachable(graph, operations.flatMap((op) => [...op.parameters.map((p) => p.schema), ...(op.body ? [op.body.schema] : [])]));
  // Webhook payloads arrive as responses do: the SDK reads them.
  const responses = reachable(graph, [
    ...operations.flatMap((op) => op.responses.flatMap((r) => [...(r.content ? [r.content.schema] : []), ...r.headers.map((h) => h.schema)])),
    ...webhooks.map((webhook) => webhook.payload),
  ]);
  const schemas: NamedSchema[] = named.map((entry) => {
    const requestOnly = requests.has(entry.pointer) && !responses.has(entry.pointer);
    const responseOnly = responses.has(entry.pointer) && !requests.has(entry.pointer);
    // Schemas no operation uses get both views: nothing says which side they belong to.
    const hasWritableView = writable.has(entry.pointer) && !requestOnly && !responseOnly;
    return { ...entry, requestOnly, hasWritableView, recursive: recursive.has(entry.pointer) };
  });

  return {
    title: stringOf(info.title) ?? "API",
    version: stringOf(info.version) ?? "",
    description: stringOf(info.description),
    source: spec.file,
    openapi: spec.version,
    baseUrl: firstServerUrl(doc.servers),
    schemas,
    operations,
    securitySchemes,
    webhooks,
    webhookSignature: convertWebhookSignature(ctx),
    warnings: ctx.warnings,
  };
}

function firstServerUrl(servers: unknown): string | undefined {
  const [server] = Array.isArray(servers) ? servers : [];
  if (!isObject(server) || typeof server.url !== "string") return undefined;
  const variables = isObject(server.variables) ? server.variables : {};
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable.default === "string" ? variable.default : whole;
  });
}

import type { LoadedSpec } from "../load/index.js";
import { BuildContext, isObject, stringOf } from "./context.js";
import type { ApiModel, Layout, NamedSchema } from "../model/model.js";
import type { RecordedNames } from "../model/naming.js";
import type { PaginationOption } from "../analyze/pagination/config.js";
import { convertPaths, decidePaginations } from "./operation.js";
import { groupOperations, type ResourceOptions } from "../analyze/resources.js";
import { routeKey } from "../model/route.js";
import { convertSchema } from "./schema.js";
import { convertSecuritySchemes } from "./security.js";
import { convertServers } from "./servers.js";
import { convertTags } from "./tags.js";
import { convertWebhooks, convertWebhookSignature, hasWebhooks } from "./webhooks.js";
import { reachable, recursiveSchemas, referenceGraph, schemasWithWritableView } from "../analyze/schema-facts.js";
import { appendPointer } from "../errors.js";

/**
 * The generator's options the model is built with: how the client is laid out, and pagination
 * per operation, which wins over what the spec says (see ir/pagination.ts).
 */
export interface ModelOptions extends ResourceOptions {
  readonly layout?: Layout;
  readonly pagination?: Readonly<Record<string, PaginationOption>>;
}

/**
 * Normalizes a loaded document into the model every emitter reads. `recorded` names (a previous
 * generation's name map) are kept for the schemas and operations that still exist, and pin the
 * client's layout. Operations are laid out in resources before their pagination is decided, so
 * the `pagination` option may name an operation by its path on the client (`pets.listPets`).
 */
export function buildModel(spec: LoadedSpec, recorded?: RecordedNames, options: ModelOptions = {}): ApiModel {
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

  const named = ctx.namedSchemas();
  const graph = referenceGraph(named);
  const writable = schemasWithWritableView(named, graph);
  const recursive = recursiveSchemas(named, graph);
  const requests = reachable(graph, operations.flatMap((op) => [...op.parameters.map((p) => p.schema), ...(op.body ? [op.body.schema] : [])]));
  // Webhook payloads arrive as responses do: the SDK reads them.
  const responses = reachable(graph, [
    ...operations.flatMap((op) => op.responses.flatMap((r) => [...(r.content ? [r.content.schema] : []), ...r.headers.map((h) => h.schema)])),
    ...webhooks.flatMap((webhook) => [webhook.payload, ...(webhook.headers ? [webhook.headers.schema] : [])]),
  ]);
  const schemas: NamedSchema[] = named.map((entry) => {
    const requestOnly = requests.has(entry.pointer) && !responses.has(entry.pointer);
    const responseOnly = responses.has(entry.pointer) && !requests.has(entry.pointer);
    // Schemas no operation uses get both views: nothing says which side they belong to.
    const hasWritableView = writable.has(entry.pointer) && !requestOnly && !responseOnly;
    return { ...entry, requestOnly, hasWritableView, recursive: recursive.has(entry.pointer) };
  });

  const model: ApiModel = {
    title: stringOf(info.title) ?? "API",
    version: stringOf(info.version) ?? "",
    description: stringOf(info.description),
    source: spec.file,
    openapi: spec.version,
    servers: convertServers(ctx, doc.servers, "#/servers", recorded?.environments),
    schemas,
    operations,
    tags: convertTags(ctx, doc.tags, operations),
    self: selfOf(ctx, doc.$self),
    layout: "flat",
    securitySchemes,
    webhooks,
    webhookSignature: convertWebhookSignature(ctx),
    warnings: [],
  };
  // A name map pins the layout; one written before layouts existed belongs to a flat SDK.
  const layout = options.layout ?? (recorded === undefined ? "grouped" : (recorded.layout ?? "flat"));
  const laidOut = layout === "grouped" ? groupOperations(model, options, recorded) : model;
  const raws = new Map(converted.map(({ operation, raw }) => [routeKey(operation.method, operation.path), raw]));
  const paginated = decidePaginations(ctx, laidOut.operations, raws, options.pagination ?? {});
  return { ...laidOut, operations: paginated, warnings: [...ctx.warnings, ...laidOut.warnings] };
}

function selfOf(ctx: BuildContext, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === "string" && /^[^\s#\u0000-\u001f\u007f]+$/u.test(raw) && URL.canParse(raw, "https://base.invalid/")) return raw;
  ctx.warn("ignored", "$self must be a URI reference without a fragment: ignored", "#/$self");
  return undefined;
}

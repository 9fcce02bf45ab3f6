/**
 * Which payload field names the webhook a delivery is for. Its own module: the emit context reads
 * it (the field is a discriminator tag), and so do webhooks.ts and the README.
 */
import type { ApiModel, Schema } from "../model/model.js";

/** The field whose constant value names each webhook, and those values; undefined when the payloads have none in common. */
export interface WebhookDiscriminator {
  readonly field: string;
  readonly values: readonly (readonly [value: string, webhook: string])[];
}

/** What the discriminator is read from: the `EmitContext`, which is built with it. */
interface ModelLookup {
  readonly model: Pick<ApiModel, "webhooks">;
  resolve(schema: Schema): Schema;
}

/**
 * A field every payload has, required, whose schema is one string constant, different for each
 * webhook (`type: "pet.adopted"`): then the runtime reads it to tell which webhook a payload is.
 * Of several, the first of the first payload's.
 */
export function webhookDiscriminator(ctx: ModelLookup): WebhookDiscriminator | undefined {
  const { webhooks } = ctx.model;
  if (webhooks.length < 2) return undefined;
  const constants = webhooks.map((webhook) => constantFields(ctx, webhook.payload));
  const [first = new Map<string, string>()] = constants;
  for (const field of first.keys()) {
    const values = constants.map((fields) => fields.get(field));
    const defined = values.filter((value): value is string => value !== undefined);
    if (defined.length === webhooks.length && new Set(defined).size === defined.length) {
      return { field, values: defined.map((value, i) => [value, webhooks[i]?.name ?? ""] as const) };
    }
  }
  return undefined;
}

/** A payload's required properties whose schema is a single string constant: name → value. */
function constantFields(ctx: ModelLookup, payload: Schema): Map<string, string> {
  const fields = new Map<string, string>();
  const schema = ctx.resolve(payload);
  if (schema.kind !== "object") return fields;
  for (const property of schema.properties) {
    const value = ctx.resolve(property.schema);
    const [only] = value.kind === "enum" && value.values.length === 1 ? value.values : [];
    if (property.required && typeof only === "string" && !value.nullable) fields.set(property.name, only);
  }
  return fields;
}

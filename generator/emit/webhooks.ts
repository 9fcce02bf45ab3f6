/**
 * `webhooks.ts` (for an API with webhooks or callbacks): `WebhookEvent`, the union of its events
 * told apart by `name`, and `createWebhooks`, which binds the runtime's verification and
 * validation to them; the client exposes it as `api.webhooks`.
 */
import type { Schema, Webhook } from "../model/model.js";
import { array, call, id, literal, object, str, type Expr } from "./code/expressions.js";
import { jsdocLines } from "./code/literals.js";
import type { Statement } from "./code/module.js";
import { tsKeyword, tsRef, tsUnion, typeNames, type TsType } from "./code/types.js";
import type { EmitContext } from "./context.js";
import { hasValidators } from "./load-validators.js";
import { schemaName } from "./schemas.js";
import { webhookDiscriminator } from "./webhook-discriminator.js";

export function webhooksModule(ctx: EmitContext): Statement[] {
  const { model } = ctx;
  const events = model.webhooks.map((webhook) => eventType(ctx, webhook));
  const payloadTypes = [...typeNames(events)].filter((name) => name !== "Date").sort();
  const validators = model.webhooks.flatMap((webhook) => (webhook.payload.kind === "ref" ? [array([str(webhook.name), str(schemaName(ctx, webhook.payload.target, "read"))])] : []));
  const runtime = ctx.runtimeModule("webhooks/index.js");
  return [
    {
      s: "import",
      from: runtime,
      names: [{ name: "bindWebhooks" }, { name: "WebhookClientOptions", typeOnly: true }, { name: "Webhooks", typeOnly: true }, { name: "WebhooksSpec", typeOnly: true }],
    },
    ...(payloadTypes.length > 0 ? [{ s: "import", typeOnly: true, from: "./types.js", names: payloadTypes.map((name) => ({ name })) } as const] : []),
    {
      s: "type",
      name: "WebhookEvent",
      type: tsUnion(events),
      doc: jsdocLines(`An event ${model.title} sends, one per webhook or callback, told apart by \`name\`.`),
    },
    {
      s: "const",
      exported: true,
      name: "webhookSpec",
      type: tsRef("WebhooksSpec"),
      value: webhooksSpec(ctx, validators),
      doc: ["What the runtime needs to verify, tell apart and validate the webhooks (and testing.ts to sign them)."],
    },
    {
      s: "function",
      name: "createWebhooks",
      params: [{ name: "options", type: tsRef("WebhookClientOptions"), initializer: object([]) }],
      returnType: tsRef("Webhooks", [tsRef("WebhookEvent")]),
      body: [{ s: "return", value: call(id("bindWebhooks"), [id("webhookSpec"), id("options")]) }],
      doc: [
        "Verifies, parses and validates incoming webhooks (`api.webhooks` on a client). Without a",
        "client, pass the options it would: `validate`, `logger`, `logLevel`.",
      ],
    },
  ];
}

function webhooksSpec(ctx: EmitContext, validators: readonly Expr[]): Expr {
  const { model, options } = ctx;
  const discriminator = webhookDiscriminator(ctx);
  const headers = model.webhooks.flatMap((webhook) => (webhook.headers?.schema.kind === "ref" ? [declaredHeaders(ctx, webhook.name, webhook.headers.schema.target, webhook.headers.declared)] : []));
  return object([
    { key: "title", value: str(model.title) },
    ...(model.webhookSignature !== undefined ? [{ key: "scheme", value: literal(model.webhookSignature) }] : []),
    { key: "names", value: array(model.webhooks.map((webhook) => str(webhook.name))) },
    ...(discriminator !== undefined
      ? [
          {
            key: "discriminator",
            value: object([
              { key: "field", value: str(discriminator.field) },
              { key: "values", value: array(discriminator.values.map(([value, webhook]) => array([str(value), str(webhook)]))) },
            ]),
          },
        ]
      : []),
    ...(options.validate !== "strict" ? [{ key: "validate", value: str(options.validate) }] : []),
    ...(options.strict ? [{ key: "strict", value: literal(true) }] : []),
    ...(options.dates === "date" ? [{ key: "dates", value: literal(true) }] : []),
    { key: "validators", value: array(validators) },
    ...(headers.length > 0 ? [{ key: "headers", value: array(headers) }] : []),
    // A dynamic import, so importing the SDK loads neither zod nor the validators.
    // None in an SDK generated without validators: webhooks are then told apart by name or discriminator only.
    ...(hasValidators(ctx) && validators.length + headers.length > 0 ? [{ key: "loadValidators", value: { e: "arrow", body: call(id("import"), [str("./schemas.js")]) } as const }] : []),
  ]);
}

function declaredHeaders(ctx: EmitContext, webhook: string, target: string, declared: readonly { readonly name: string; readonly required: boolean }[]): Expr {
  return object([
    { key: "webhook", value: str(webhook) },
    { key: "validator", value: str(schemaName(ctx, target, "read")) },
    { key: "names", value: array(declared.map((header) => str(header.name))) },
    { key: "required", value: array(declared.filter((header) => header.required).map((header) => str(header.name))) },
  ]);
}

function eventType(ctx: EmitContext, webhook: Webhook): TsType {
  return {
    t: "object",
    members: [
      { key: "name", optional: false, readonly: true, type: { t: "literal", value: webhook.name } },
      { key: "payload", optional: false, readonly: true, type: payloadType(ctx, webhook.payload) },
      ...(webhook.headers !== undefined ? [{ key: "headers", optional: false, readonly: true, type: payloadType(ctx, webhook.headers.schema), doc: ["The headers the spec declares, by lower-case name."] }] : []),
    ],
  };
}

function payloadType(ctx: EmitContext, payload: Schema): TsType {
  return payload.kind === "ref" ? tsRef(ctx.typeName(payload.target, "read")) : tsKeyword("unknown");
}

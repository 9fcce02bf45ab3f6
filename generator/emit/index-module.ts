import type { Statement } from "./code/module.js";
import type { EmitContext } from "./context.js";
import { RUNTIME_WEBHOOK_TYPES } from "../model/naming.js";
import { runtimeSurface } from "../runtime-surface.js";

/**
 * `index.ts`: createClient, every type, and the runtime's public surface (runtime/public.ts, so
 * that what the runtime makes public is public in every SDK). Validators are imported from
 * schemas.ts itself: re-exported here, importing the SDK would parse all of them.
 */
export function indexModule(ctx: EmitContext): Statement[] {
  const { values, types } = runtimeSurface();
  return [
    { s: "exportFrom", from: "./client.js", names: [{ name: "createClient" }, { name: "Auth", typeOnly: true }, { name: "Client", typeOnly: true }] },
    { s: "exportFrom", from: ctx.runtimeModule("public.js"), names: [...values.map((name) => ({ name })), ...types.map((name) => ({ name, typeOnly: true }))] },
    { s: "exportAll", typeOnly: true, from: "./types.js" },
    ...webhookExports(ctx),
  ];
}

/** An SDK with webhooks also exports their event type and verification error (see emit/webhooks.ts). */
function webhookExports(ctx: EmitContext): Statement[] {
  if (ctx.model.webhooks.length === 0) return [];
  return [
    { s: "exportFrom", from: "./webhooks.js", names: [{ name: "createWebhooks" }, { name: "WebhookEvent", typeOnly: true }] },
    {
      s: "exportFrom",
      from: ctx.runtimeModule("webhooks/index.js"),
      names: [{ name: "WebhookVerificationError" }, { name: "WebhookHeaderError" }, ...RUNTIME_WEBHOOK_TYPES.map((name) => ({ name, typeOnly: true }))],
    },
  ];
}

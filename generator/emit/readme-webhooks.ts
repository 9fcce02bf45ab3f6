/**
 * The "Webhooks" section of the SDK's README (templates/README-webhooks.md), for an API with
 * webhooks or callbacks: the events, how deliveries are verified and told apart, and, with the
 * testing kit, how to sign one in a test. Spec text is kept to one line, out of code.
 */
import type { Webhook, WebhookSignature } from "../model/model.js";
import { readTemplate } from "../package-files.js";
import type { EmitContext } from "./context.js";
import { webhookDiscriminator } from "./webhook-discriminator.js";

export function webhooksReadme(ctx: EmitContext): string {
  const { webhooks } = ctx.model;
  const [first] = webhooks;
  if (first === undefined) return "";
  const discriminator = webhookDiscriminator(ctx);
  const values: Record<string, string> = {
    folder: "sdk",
    webhookList: webhooks.map((webhook) => `- \`${inlineCode(webhook.name)}\`${webhook.summary ? `: ${oneLine(webhook.summary)}` : ""}`).join("\n"),
    exampleWebhook: codeString(first.name),
    scheme: schemeText(ctx.model.webhookSignature),
    identification:
      discriminator !== undefined
        ? `A payload's \`${inlineCode(discriminator.field)}\` says which webhook it is.`
        : webhooks.length === 1
          ? "Every delivery is this one webhook."
          : "GitHub deliveries are named by `X-GitHub-Event` and the payload's `action`; others are the first webhook, in the spec's order, whose schema the payload matches.",
    headersNote: webhooks.some((webhook) => webhook.headers !== undefined)
      ? " The headers a webhook declares come on its event's `headers`, by lower-case name, typed and validated as the payload is; a missing or invalid one is a `WebhookHeaderError` (a `WebhookVerificationError` whose `header` names it)."
      : "",
    webhookTesting: ctx.options.testing ? `\n${testingNote(first)}\n` : "",
  };
  return readTemplate("README-webhooks.md").replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

function schemeText(signature: WebhookSignature | undefined): string {
  switch (signature?.scheme) {
    case undefined:
    case "standard":
      return "[Standard Webhooks](https://www.standardwebhooks.com) (`webhook-id`, `webhook-timestamp`, `webhook-signature`; `whsec_…` secrets)";
    case "github":
      return "GitHub's `X-Hub-Signature-256`";
    case "stripe":
      return "Stripe's `Stripe-Signature`";
    case "hmac":
      return `an HMAC-SHA256 of the body in \`${inlineCode(signature.header)}\` (${signature.encoding}${signature.prefix ? `, after \`${inlineCode(signature.prefix)}\`` : ""})`;
  }
}

function testingNote(webhook: Webhook): string {
  const required = webhook.headers?.declared.filter((header) => header.required) ?? [];
  const headers = required.length > 0 ? `, headers: { ${required.map((header) => `${codeString(header.name)}: "…"`).join(", ")} }` : "";
  return [
    "In tests, `mock.webhooks.sign()` (from `testing.ts`) builds the delivery the real sender would,",
    "after checking the payload against its schema:",
    "",
    "```ts",
    `const delivery = await mock.webhooks.sign(${codeString(webhook.name)}, payload, { secret${headers} }); // { method, body, headers }`,
    "await fetch(handlerUrl, delivery);",
    "```",
  ].join("\n");
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replaceAll("<", "&lt;").trim();
}

/** Spec text inside a Markdown code span: one line, no backtick to close it. */
function inlineCode(text: string): string {
  return oneLine(text).replaceAll("`", "'");
}

/** A string literal inside a code block: JSON, with no backtick that could end the fence. */
function codeString(text: string): string {
  return JSON.stringify(text).replaceAll("`", "\\u0060").replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

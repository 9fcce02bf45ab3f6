import { describe, expect, it } from "vitest";
import { GenError } from "../../generator/errors.js";
import { generate } from "../../generator/index.js";
import path from "node:path";
import * as prettier from "prettier";
import { signWebhook } from "../../runtime/webhooks/sign.js";
import { generateInto, typecheck } from "../support/sdk.js";
import { specFileIn } from "../support/spec-file.js";

const specFile = (name: string, text: string) => specFileIn("generator", name, text);

const module = (files: readonly { path: string; contents: string }[], name: string) => files.find((file) => file.path === name)?.contents ?? "";

const openapi30 = `openapi: 3.0.3
info: { title: Hooks, version: "1" }
x-webhook-signature: { scheme: github }
paths:
  /webhooks:
    get:
      operationId: webhooks
      responses: { "200": { description: ok } }
x-webhooks:
  push:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { ref: { type: string } } }
      responses: { "200": { description: ok } }
  ping:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, required: [zen], properties: { zen: { type: string } } }
      responses: { "200": { description: ok } }
`;

describe("webhooks in the generator", () => {
  it("reads x-webhooks and x-webhook-signature from a 3.0 document", async () => {
    const { files } = await generate({ spec: await specFile("openapi30.yaml", openapi30) });
    const webhooks = module(files, "webhooks.ts");
    expect(webhooks).toMatch(/scheme: \{\s+scheme: "github",?\s+\}/);
    expect(webhooks).toContain('names: ["push", "ping"]');
    expect(webhooks).toContain('readonly name: "push";\n      readonly payload: PushPayload;');
    // No constant field tells push from ping: the runtime tries their validators in order.
    expect(webhooks).not.toContain("discriminator");
  });

  it("keeps api.webhooks free: an operation called webhooks is renamed", async () => {
    const { files } = await generate({ spec: await specFile("openapi30.yaml", openapi30) });
    const client = module(files, "client.ts");
    expect(client).toContain("webhooks2: runtime.optionalEndpoint(op.webhooks2)");
    expect(client).toContain("webhooks: createWebhooks(options)");
  });

  it("suffixes with Model a payload schema named like what webhooks.ts declares or imports, so the SDK compiles", async () => {
    const named = openapi30
      .replace("schema: { type: object, properties: { ref: { type: string } } }", 'schema: { $ref: "#/components/schemas/WebhookEvent" }')
      .replace("schema: { type: object, required: [zen], properties: { zen: { type: string } } }", 'schema: { $ref: "#/components/schemas/Webhooks" }')
      .concat("components:\n  schemas:\n    WebhookEvent: { type: object, properties: { ref: { type: string } } }\n    Webhooks: { type: object, required: [zen], properties: { zen: { type: string } } }\n");
    const { out, result } = await generateInto(await specFile("webhook-event.yaml", named), "webhook-event-schema");
    expect(module(result.files, "types.ts")).toContain("export interface WebhookEventModel {");
    expect(module(result.files, "types.ts")).toContain("export interface WebhooksModel {");
    expect(module(result.files, "webhooks.ts")).toContain("readonly payload: WebhookEventModel;");
    expect(await typecheck([out], "NodeNext", "webhook-event-schema")).toBe("");
    // Without webhooks, the names are the schemas' own.
    const plain = await generate({ spec: await specFile("no-webhook-event.yaml", named.replace(/x-webhooks:[^]*?(?=components:)/, "")) });
    expect(module(plain.files, "types.ts")).toContain("export interface WebhookEvent {");
  });

  it("names an operation webhooks as before in an API without webhooks", async () => {
    const { files } = await generate({ spec: await specFile("no-webhooks.yaml", openapi30.replace(/x-webhooks:[^]*$/, "")) });
    expect(module(files, "client.ts")).toContain("webhooks: runtime.optionalEndpoint(op.webhooks)");
    expect(files.map((file) => file.path)).not.toContain("webhooks.ts");
  });

  it.each([
    ["x-webhook-signature: github", "#/x-webhook-signature", "must be an object"],
    ["x-webhook-signature: { scheme: svix }", "#/x-webhook-signature/scheme", "must be one of standard, github, stripe, hmac"],
    ["x-webhook-signature: { scheme: hmac }", "#/x-webhook-signature/header", "must name an HTTP header"],
    ["x-webhook-signature: { scheme: hmac, header: X-Sig, encoding: base32 }", "#/x-webhook-signature/encoding", "must be hex or base64"],
  ])("rejects %s with the pointer and line", async (line, pointer, message) => {
    const spec = await specFile("bad-signature.yaml", openapi30.replace("x-webhook-signature: { scheme: github }", line));
    const error = await generate({ spec }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).location).toMatchObject({ pointer, line: 3 });
    expect((error as GenError).message).toContain(message);
  });

  it("passes a generic HMAC scheme on to the runtime", async () => {
    const spec = await specFile("hmac.yaml", openapi30.replace("{ scheme: github }", '{ scheme: hmac, header: X-Signature, encoding: base64, prefix: "sha256=" }'));
    const { files } = await generate({ spec });
    expect(module(files, "webhooks.ts")).toMatch(/scheme: \{\s+scheme: "hmac",\s+header: "X-Signature",\s+encoding: "base64",\s+prefix: "sha256=",\s+\}/);
  });
});

describe("generate()'s webhookSignature option", () => {
  it("wins over the spec's x-webhook-signature, encoding defaulting to hex", async () => {
    const { files } = await generate({ spec: await specFile("openapi30.yaml", openapi30), webhookSignature: { scheme: "hmac", header: "X-Sig" } });
    expect(module(files, "webhooks.ts")).toMatch(/scheme: \{\s+scheme: "hmac",\s+header: "X-Sig",\s+encoding: "hex",?\s+\}/);
  });
});

describe("the runtime copy", () => {
  it("carries webhook verification only in SDKs with webhooks", async () => {
    const runtimeWebhooks = async (spec: string) => (await generate({ spec })).files.filter((file) => file.path.startsWith("runtime/webhooks/")).length;
    expect(await runtimeWebhooks("fixtures/petstore.yaml")).toBe(0);
    expect(await runtimeWebhooks("fixtures/webhooks.yaml")).toBeGreaterThan(0);
  });
});

describe("hostile webhook names and texts", () => {
  const names = ["*/ evil(); /*", "back`tick`", 'quote"s', "__proto__", "line\nbreak", "\u2028sep", "constructor", "a.b"];
  const hostile = [
    "openapi: 3.1.0",
    'info: { title: "Hostile */ `x`", version: "1" }',
    "webhooks:",
    ...names.flatMap((name) => [
      `  ${JSON.stringify(name)}:`,
      "    post:",
      `      summary: ${JSON.stringify(`*/ \`\`\`\n<script> ${name}`)}`,
      // A header of the same name: an object key, a string in webhookSpec, and a described property.
      `      parameters: [{ name: ${JSON.stringify(name)}, in: header, description: ${JSON.stringify(`*/ ${name}`)}, schema: { type: string } }]`,
      "      requestBody:",
      "        content:",
      "          application/json:",
      `            schema: { type: object, required: [kind], properties: { kind: { const: ${JSON.stringify(name)} } } }`,
    ]),
  ].join("\n");

  it("are escaped: the SDK is prettier-clean, type-checks and tells the events apart", async () => {
    const spec = await specFileIn("hostile", "hostile.yaml", hostile);
    const { out, result } = await generateInto(spec, "hostile-webhooks");
    const webhooks = module(result.files, "webhooks.ts");
    expect(await prettier.format(webhooks, { parser: "typescript" })).toBe(webhooks);
    expect(await typecheck([out], "NodeNext", "hostile-webhooks")).toBe("");
    const readme = module(result.files, "README.md");
    expect(readme).not.toContain("<script>");
    expect(readme.split("\n").filter((line) => line.startsWith("```")).length % 2).toBe(0);
    const { createWebhooks } = (await import(path.join(out, "webhooks.ts"))) as { createWebhooks: typeof import("../.out/sdk/webhooks/webhooks.js").createWebhooks };
    const webhooksApi = createWebhooks();
    expect(webhooks).toContain("discriminator");
    for (const name of names) {
      const body = JSON.stringify({ kind: name });
      const event = await webhooksApi.unwrap(body, await signWebhook(body, { secret: "whsec_" + btoa("k") }), { secret: "whsec_" + btoa("k") });
      expect(event.name).toBe(name);
      expect(event).toHaveProperty("headers");
    }
  });
});

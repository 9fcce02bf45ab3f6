/**
 * GitHub's real webhooks spec (npm `@octokit/openapi-webhooks`, installed as a devDependency):
 * 261 webhooks over 433 schemas, no operations. It must generate without warnings, type-check
 * strictly, and unwrap the example payloads the spec carries, signed as GitHub signs them.
 */
import { createHmac } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateInto, repoRoot, typecheck } from "../support/sdk.js";

const SPEC = path.join(repoRoot, "node_modules/@octokit/openapi-webhooks/generated/api.github.com.json");

interface SpecWebhook {
  readonly post: { readonly operationId: string; readonly requestBody: { readonly content: Readonly<Record<string, { readonly examples?: Readonly<Record<string, { readonly $ref: string }>> }>> } };
}

interface Spec {
  readonly webhooks: Readonly<Record<string, SpecWebhook>>;
  readonly components: { readonly examples: Readonly<Record<string, { readonly value: unknown }>> };
}

describe("GitHub's webhooks spec", () => {
  // Without the testing kit, whose type-check the fixtures already cover: this test must stay fast.
  const generated = generateInto(SPEC, "octokit-webhooks", { webhookSignature: { scheme: "github" }, testing: false });
  const imported = generated.then(async ({ out }) => (await import(path.join(out, "index.ts"))) as typeof import("../.out/octokit-webhooks/index.js"));
  // tsc runs in a child process, overlapping the unwrapping below; not before the import, as it writes the package.json vite reads.
  const typechecked = imported.then(async () => typecheck([(await generated).out], "NodeNext", "octokit-webhooks"));

  it("generates every webhook without a warning", async () => {
    const { result } = await generated;
    expect(result.warnings).toEqual([]);
    const webhooks = result.files.find((file) => file.path === "webhooks.ts")?.contents ?? "";
    expect(webhooks.match(/readonly name: "/g)).toHaveLength(261);
  });

  it("unwraps the spec's example payloads, signed as GitHub signs them, as the webhook they exemplify", async () => {
    const { createClient } = await imported;
    const api = createClient({ logLevel: "off" });
    const spec = JSON.parse(await readFile(SPEC, "utf8")) as Spec;
    // Each example is a $ref into components/examples; GitHub's event header is the operationId's first part, snake_cased.
    const examples = Object.entries(spec.webhooks).flatMap(([name, webhook]) =>
      Object.values(webhook.post.requestBody.content["application/json"]?.examples ?? {}).map((example) => ({
        name,
        event: webhook.post.operationId.split("/")[0]!.replaceAll("-", "_"),
        payload: spec.components.examples[example.$ref.split("/").at(-1)!]?.value,
      })),
    );
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const { name, event, payload } of examples) {
      const body = JSON.stringify(payload);
      const headers = { "X-GitHub-Event": event, "X-Hub-Signature-256": `sha256=${createHmac("sha256", "gh-secret").update(body).digest("hex")}` };
      const unwrapped = await api.webhooks.unwrap(body, headers, { secret: "gh-secret" });
      expect(unwrapped.name, name).toBe(name);
      await expect(api.webhooks.unwrap(body.replace("{", '{"x":1,'), headers, { secret: "gh-secret" })).rejects.toMatchObject({ reason: "bad-signature" });
    }
  });

  it("type-checks strictly", async () => {
    expect(await typechecked).toBe("");
  });
});

/**
 * The docs an SDK carries (its README and JSDoc) as real specs make them: Stripe writes HTML
 * descriptions and long summaries, GitHub declares no security schemes and documents defaults
 * and externalDocs.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { outRoot, repoRoot } from "../support/sdk.js";

const dir = path.join(outRoot, "docs-from-specs");

async function generateFrom(name: string, spec: object, out?: string): Promise<Record<string, string>> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(spec));
  const result = await generate({ spec: file, ...(out !== undefined && { out }) });
  return Object.fromEntries(result.files.map((each) => [each.path, each.contents]));
}

function specWith(operation: object, extra: object = {}): object {
  return {
    openapi: "3.0.3",
    info: { title: "Docs", version: "1.0.0" },
    servers: [{ url: "https://docs.example.com" }],
    paths: { "/accounts": { get: { operationId: "getAccounts", responses: { "200": { description: "ok" } }, ...operation } } },
    ...extra,
  };
}

const HTML_DESCRIPTION =
  '<p>Returns a list of accounts connected to your platform via <a href="/docs/connect">Connect</a>. If you’re not a platform, the list is empty.</p>\n\n<p>Use <code>limit</code> to page.</p>';

describe("docs generated from real specs", () => {
  it("renders HTML descriptions as Markdown, in the README's heading (first sentence only) and in JSDoc", async () => {
    const files = await generateFrom("html", specWith({ description: HTML_DESCRIPTION }));
    expect(files["README.md"]).toContain("#### `getAccounts`: Returns a list of accounts connected to your platform via [Connect](/docs/connect).\n");
    expect(files["client.ts"]).toContain(
      "   * Returns a list of accounts connected to your platform via [Connect](/docs/connect). If you’re not a platform, the list is empty.\n   *\n   * Use `limit` to page.\n",
    );
    for (const text of [files["README.md"], files["client.ts"], files["types.ts"]]) {
      expect(text).not.toMatch(/&lt;p>|<p>|<\/p>/);
    }
  });

  it("leaves Markdown descriptions byte for byte, placeholders in angle brackets included", async () => {
    const description = "Use `refs/heads/<branch name>` or List<String>, *not* `<num>`.\n\nSecond paragraph with a_b and [a link](https://example.com).";
    const files = await generateFrom("markdown", specWith({ description }));
    expect(files["client.ts"]).toContain(
      "   * Use `refs/heads/<branch name>` or List<String>, *not* `<num>`.\n   *\n   * Second paragraph with a_b and [a link](https://example.com).\n",
    );
  });

  it("keeps a long summary's heading to its first sentence", async () => {
    const summary = "Lists the accounts, e.g. yours. Each account is returned once, in creation order. ".repeat(8);
    const files = await generateFrom("long-summary", specWith({ summary }));
    expect(files["README.md"]).toContain("#### `getAccounts`: Lists the accounts, e.g. yours.\n");
  });

  it("tells how to send a token in headers when the spec declares no security schemes, and claims no operation needs none", async () => {
    const files = await generateFrom("no-schemes", specWith({}));
    const readme = files["README.md"] ?? "";
    expect(readme).toContain("  headers: { authorization: `Bearer ${token}` },\n");
    expect(readme).not.toContain("No credentials");
    expect(readme).toContain("\n`GET /accounts`\n");
  });

  it("still says an operation needs no credentials when the spec declares schemes and the operation opts out", async () => {
    const schemes = { components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } } }, security: [{ bearerAuth: [] }] };
    const files = await generateFrom("schemes", specWith({ security: [] }, schemes));
    expect(files["README.md"]).toContain("\n`GET /accounts` · No credentials.\n");
    expect(files["README.md"]).not.toContain("headers: { authorization");
  });

  it("imports the SDK by its folder's name and installs the ky and zod versions the runtime needs", async () => {
    const { peerDependencies } = (await import(path.join(repoRoot, "package.json"), { with: { type: "json" } })).default as { peerDependencies: Record<string, string> };
    const files = await generateFrom("folder", specWith({}), path.join(dir, "src", "github-sdk"));
    const readme = files["README.md"] ?? "";
    expect(readme).toContain('import { createClient } from "./github-sdk/index.js";\n');
    expect(readme).toContain('import { createMockApi } from "./github-sdk/testing.js";\n');
    expect(readme).not.toContain("./sdk/");
    expect(readme).toContain(`\nnpm install ky@${peerDependencies.ky} zod@${peerDependencies.zod}\n`);
    expect(peerDependencies.ky).toMatch(/^\^2\./);
    expect(peerDependencies.zod).toMatch(/^\^4\./);
    expect(Object.values(files).join("\n")).not.toContain(dir);
  });

  it("documents parameter defaults with @default and externalDocs with @see and a README link, escaped", async () => {
    const files = await generateFrom(
      "defaults",
      specWith({
        parameters: [
          { name: "state", in: "query", schema: { type: "string", enum: ["open", "closed"], default: "open" } },
          { name: "per_page", in: "query", description: "Results per page.", schema: { type: "integer", default: 30 } },
        ],
        externalDocs: { url: "https://docs.example.com/accounts#list", description: "List accounts */ globalThis.x = 1; /* [docs]" },
      }),
    );
    expect(files["types.ts"]).toContain('  /** @default "open" */\n  state?: "open" | "closed"');
    expect(files["types.ts"]).toContain("  /**\n   * Results per page.\n   * @default 30\n   */\n  per_page?: number;");
    expect(files["client.ts"]).toContain("   * @see https://docs.example.com/accounts#list List accounts *\\/ globalThis.x = 1; /* [docs]\n");
    expect(files["README.md"]).toContain("\n`GET /accounts` · [List accounts */ globalThis.x = 1; /* \\[docs\\]](https://docs.example.com/accounts#list)\n");
  });

  it("links only http(s) externalDocs from the README, percent-encoding what could end the link", async () => {
    const script = await generateFrom("script-docs", specWith({ externalDocs: { url: "javascript:alert(1)" } }));
    expect(script["README.md"]).not.toContain("javascript:");
    const odd = await generateFrom("odd-docs", specWith({ externalDocs: { url: "https://example.com/a (b)<script>" } }));
    expect(odd["README.md"]).toContain("[Docs](https://example.com/a%28b%29%3Cscript%3E)");
  });
});

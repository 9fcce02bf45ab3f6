/**
 * fetch refuses a body on GET and HEAD, so the generator drops one from such operations: their
 * Args have no `body`, and the runtime is never asked to send one.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { fixturePath, outRoot, repoRoot } from "../support/sdk.js";

const fileOf = (files: readonly { path: string; contents: string }[], name: string): string => files.find((file) => file.path === name)?.contents ?? "";
/** A declaration from `export … name` to the first line that closes a block. */
const declarationOf = (code: string, name: string): string => new RegExp(`^export [^\\n]*\\b${name}\\b[^]*?\\n\\}`, "m").exec(code)?.[0] ?? "";

describe("a request body on a GET or HEAD", () => {
  it("is dropped with one warning naming its JSON pointer, and quietly when it can hold nothing", async () => {
    const result = await generate({ spec: path.relative(repoRoot, fixturePath("parameters.yaml")) });
    const types = fileOf(result.files, "types.ts");
    expect(result.warnings.filter((warning) => warning.message.includes("body"))).toEqual([
      {
        code: "ignored",
        message: "a GET request cannot carry a body (fetch refuses to send one): the request body is ignored",
        pointer: "#/paths/~1reports/get/requestBody",
      },
    ]);
    // Stripe's empty form body on a GET: nothing to send, nothing to say.
    expect(declarationOf(types, "GetAccountBalanceArgs")).toBe("export interface GetAccountBalanceArgs {\n  accountId: string;\n}");
    // A query parameter named `body` keeps its plain key once no request body is beside it.
    expect(declarationOf(types, "QueryReportsArgs")).toContain("  body?: string;");
    const operations = fileOf(result.files, "operations.ts");
    expect(declarationOf(operations, "queryReports")).not.toContain("body: {");
    expect(declarationOf(operations, "getAccountBalance")).not.toContain("body: {");
    expect(declarationOf(operations, "deleteReports")).toContain("body: {");
  });

  it("is kept on a DELETE, which fetch sends", async () => {
    const result = await generate({ spec: path.relative(repoRoot, fixturePath("parameters.yaml")) });
    expect(declarationOf(fileOf(result.files, "types.ts"), "DeleteReportsArgs")).toContain("body: DeleteReportsBody;");
  });

  it("is dropped from a HEAD too, and from a Swagger 2.0 GET's body parameter", async () => {
    const dir = path.join(outRoot, "request-body-methods");
    await mkdir(dir, { recursive: true });
    const spec = path.join(dir, "swagger.json");
    await writeFile(
      spec,
      JSON.stringify({
        swagger: "2.0",
        info: { title: "T", version: "1" },
        paths: {
          "/things": {
            get: { operationId: "findThings", parameters: [{ name: "filter", in: "body", schema: { type: "object", properties: { q: { type: "string" } } } }], responses: { 200: { description: "ok" } } },
            head: { operationId: "checkThings", consumes: ["application/x-www-form-urlencoded"], parameters: [{ name: "q", in: "formData", type: "string" }], responses: { 200: { description: "ok" } } },
          },
        },
      }),
    );
    const result = await generate({ spec: path.relative(repoRoot, spec) });
    expect(result.warnings.map((warning) => `${warning.pointer}: ${warning.message}`)).toEqual([
      "#/paths/~1things/get/requestBody: a GET request cannot carry a body (fetch refuses to send one): the request body is ignored",
      "#/paths/~1things/head/requestBody: a HEAD request cannot carry a body (fetch refuses to send one): the request body is ignored",
    ]);
    expect(fileOf(result.files, "types.ts")).not.toMatch(/Args\b/);
  });
});

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateInto, outRoot, typecheck } from "../support/sdk.js";

describe("naming", () => {
  it("gives an operation's Args and Error types a free stem when schemas already use the names", async () => {
    // Seen in the APIs.guru corpus (zuora.com): a schema named like an operation's error type.
    const spec = {
      openapi: "3.0.3",
      info: { title: "collisions", version: "1" },
      paths: {
        "/w/{id}": {
          delete: {
            operationId: "deleteWorkflow",
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
            responses: {
              "204": { description: "ok" },
              "400": { description: "bad", content: { "application/json": { schema: { $ref: "#/components/schemas/DeleteWorkflowError" } } } },
            },
          },
        },
      },
      components: { schemas: { DeleteWorkflowError: { type: "object" }, DeleteWorkflowArgs: { type: "string" } } },
    };
    const file = path.join(outRoot, "naming", "collisions.json");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(spec));
    const { result, out } = await generateInto(file, "naming/collisions");
    const types = result.files.find((f) => f.path === "types.ts")?.contents ?? "";
    expect(types).toContain("export interface DeleteWorkflow2Args {");
    expect(types).toContain("export type DeleteWorkflow2Error = ApiError<400, DeleteWorkflowError>;");
    expect(await typecheck([out], "NodeNext", "naming-collisions")).toBe("");
  });

  it("binds no operation to a name operations.ts, funcs.ts or validators.ts declares for itself", async () => {
    // Each operation uses zod, schemas.ts and the date-time codec, so operations.ts declares them all.
    const names = ["s", "z", "isoDateTime", "validatorsLoaded", "loadValidators", "importValidators", "useValidators", "op", "v", "operationFunc"];
    const spec = {
      openapi: "3.0.3",
      info: { title: "loader names", version: "1" },
      paths: Object.fromEntries(
        names.map((name) => [
          `/${name}`,
          {
            get: {
              operationId: name,
              parameters: [{ name: "after", in: "query", schema: { type: "string", format: "date-time" } }],
              responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
            },
          },
        ]),
      ),
      components: { schemas: { Thing: { type: "object", properties: { limit: { type: "integer", minimum: 1 } } } } },
    };
    const file = path.join(outRoot, "naming", "loader-names.json");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(spec));
    const { result, out } = await generateInto(file, "naming/loader-names", { dates: "date" });
    const operations = result.files.find((f) => f.path === "operations.ts")?.contents ?? "";
    expect(operations).toContain("export interface Validators {");
    for (const name of names) expect(operations).toContain(`export const ${name}2 = (): OperationSpec`);
    const funcs = result.files.find((f) => f.path === "funcs.ts")?.contents ?? "";
    for (const name of names) expect(funcs).toContain(`export const ${name}2: `);
    expect(await typecheck([out], "NodeNext", "naming-loader-names")).toBe("");
  });
});

/**
 * A small spec for the runtime, streaming benchmarks: `GET /items` returns a list of objects (the
 * server sends 100), `GET /files/{fileId}` a binary body of `size` bytes. Both gen-client and hey-api
 * generate SDKs from it, so that per-call costs compare the same call.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { WORK } from "./paths.ts";

export const PERF_SPEC = {
  openapi: "3.0.3",
  info: { title: "Bench API", version: "1.0.0" },
  servers: [{ url: "http://127.0.0.1:1" }],
  paths: {
    "/items": {
      get: {
        operationId: "listItems",
        parameters: [{ name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1 } }],
        responses: {
          "200": {
            description: "The items",
            content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Item" } } } },
          },
        },
      },
    },
    "/files/{fileId}": {
      get: {
        operationId: "downloadFile",
        parameters: [
          { name: "fileId", in: "path", required: true, schema: { type: "string" } },
          { name: "size", in: "query", required: false, schema: { type: "integer" } },
        ],
        responses: {
          "200": {
            description: "The file's bytes",
            content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Owner: {
        type: "object",
        required: ["id", "login"],
        properties: { id: { type: "integer" }, login: { type: "string" }, url: { type: "string" } },
      },
      Item: {
        type: "object",
        required: ["id", "name", "status", "price", "tags", "createdAt", "owner"],
        properties: {
          id: { type: "integer" },
          name: { type: "string" },
          description: { type: "string", nullable: true },
          status: { type: "string", enum: ["active", "inactive", "pending"] },
          price: { type: "number" },
          tags: { type: "array", items: { type: "string" } },
          createdAt: { type: "string", format: "date-time" },
          owner: { $ref: "#/components/schemas/Owner" },
        },
      },
    },
  },
} as const;

/** The JSON list the server (or the in-process fetch stub) answers `GET /items` with. */
export function itemsBody(count = 100): string {
  const items = [];
  for (let i = 1; i <= count; i++) {
    items.push({
      id: i,
      name: `item ${i}`,
      description: i % 3 === 0 ? null : `The ${i}th item, with a description of moderate length.`,
      status: (["active", "inactive", "pending"] as const)[i % 3],
      price: i * 1.25,
      tags: ["alpha", "beta", `t${i % 7}`],
      createdAt: `2024-0${(i % 9) + 1}-1${i % 10}T12:34:56Z`,
      owner: { id: 1000 + (i % 10), login: `user${i % 10}`, url: `https://example.test/users/${i % 10}` },
    });
  }
  return JSON.stringify(items);
}

export function writePerfSpec(): string {
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, "perf-spec.json");
  writeFileSync(file, `${JSON.stringify(PERF_SPEC, null, 2)}\n`);
  return file;
}

/**
 * OpenAPI 3.2 input: every addition either generates, is kept in the model, or is a warning that
 * names its JSON pointer (fixtures/openapi32.yaml uses them all; the cases below break the rules).
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate, GenError } from "../../generator/index.js";
import { analyze } from "../../generator/analyze/index.js";
import { convert } from "../../generator/convert/index.js";
import { tagPath } from "../../generator/model/tags.js";
import { loadSpec } from "../../generator/load/index.js";
import { fixturePath, repoRoot } from "../support/sdk.js";

const scratch = mkdtemp(path.join(os.tmpdir(), "gen-client-oas32-"));
afterAll(async () => rm(await scratch, { recursive: true, force: true }));

/** Writes files (name → JSON document or text) into a fresh folder and returns the first one's path. */
async function specFiles(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(path.join(await scratch, "spec-"));
  for (const [name, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), typeof contents === "string" ? contents : JSON.stringify(contents));
  }
  return path.join(dir, Object.keys(files)[0] ?? "");
}

const info = { title: "T", version: "1" };
const ok = { "200": { description: "ok" } };

async function modelOf(document: unknown) {
  return analyze(convert(await loadSpec(await specFiles({ "openapi.json": document }))));
}

describe("fixtures/openapi32.yaml", () => {
  const model = loadSpec(fixturePath("openapi32.yaml")).then((spec) => analyze(convert(spec)));

  it("warns, naming the pointer, exactly for what no SDK can do: a fixed method, a method fetch refuses, a querystring beside query parameters, positional multipart encoding", async () => {
    const result = await generate({ spec: path.relative(repoRoot, fixturePath("openapi32.yaml")) });
    expect(result.warnings.map((warning) => warning.pointer)).toEqual([
      "#/paths/~1changes~1{seq}/additionalOperations/GET",
      "#/paths/~1changes~1{seq}/additionalOperations/TRACK",
      "#/paths/~1uploads/post/requestBody/content/multipart~1form-data/itemEncoding",
      "#/paths/~1both/get/parameters/1",
    ]);
  });

  it("generates additionalOperations with the method as the spec spells it", async () => {
    const { operations } = await model;
    expect(operations.filter((operation) => operation.path === "/changes/{seq}").map((operation) => `${operation.method} ${operation.name}`)).toEqual([
      "GET getChange",
      "PURGE purgeChange",
      "LINK linkChange",
    ]);
  });

  it("keeps the hierarchical tags, with summary, kind and parent, and each tag's ancestry", async () => {
    const { tags, operations } = await model;
    expect(tags.map(({ name, summary, kind, parent, declared }) => ({ name, summary, kind, parent, declared }))).toEqual([
      { name: "feeds", summary: "Change feeds", kind: "nav", parent: undefined, declared: true },
      { name: "events", summary: undefined, kind: undefined, parent: "feeds", declared: true },
      { name: "hooks", summary: "Cache hooks", kind: "nav", parent: "events", declared: true },
      { name: "beta", summary: "Beta", kind: "badge", parent: undefined, declared: true },
    ]);
    expect(tagPath(tags, "hooks")).toEqual(["feeds", "events", "hooks"]);
    expect(tagPath(tags, "feeds")).toEqual(["feeds"]);
    expect(operations.find((operation) => operation.name === "getChange")?.tags).toEqual(["hooks", "beta"]);
  });

  it("keeps $self", async () => {
    expect((await model).self).toBe("https://example.com/openapi/feeds.yaml");
  });

  it("reads a security requirement that names its scheme by URI, and a response described by its summary only", async () => {
    const getChange = (await model).operations.find((operation) => operation.name === "getChange");
    expect(getChange?.security.map((requirement) => [...requirement.keys()])).toEqual([["device"], ["legacyKey"]]);
    expect(getChange?.responses.find((response) => response.status === "404")?.description).toBe("No such change.");
    // Its 200 response's Media Type Object is a $ref into components/mediaTypes.
    expect(getChange?.responses[0]?.content?.schema).toMatchObject({ kind: "ref", target: "#/components/schemas/Change" });
  });
});

describe("hierarchical tags", () => {
  it("drops a parent that names no declared tag, and the link that closes a cycle, warning at each parent's pointer", async () => {
    const model = await modelOf({
      openapi: "3.2.0",
      info,
      tags: [
        { name: "a", parent: "b" },
        { name: "b", parent: "c" },
        { name: "c", parent: "a" },
        { name: "d", parent: "nowhere" },
        { name: "a" },
      ],
      paths: { "/x": { get: { tags: ["c", "undeclared"], responses: ok } } },
    });
    expect(model.warnings.map(({ message, pointer }) => `${pointer}: ${message}`)).toEqual([
      "#/tags/4: tag a is declared twice (tag names are unique): this one is ignored",
      "#/tags/2/parent: tag c's parent a makes a cycle (c → a → b → c): c is kept as a top-level tag",
      "#/tags/3/parent: tag d's parent nowhere is not a declared tag: d is kept as a top-level tag",
    ]);
    expect(model.tags.map((tag) => tagPath(model.tags, tag.name).join("/"))).toEqual(["c/b/a", "c/b", "c", "d", "undeclared"]);
    expect(model.tags.at(-1)).toEqual({ pointer: "#/paths/~1x/get/tags", name: "undeclared", declared: false });
  });
});

describe("$self", () => {
  it("is the base of relative $refs: a $ref to $self itself is local, one beside it is the file beside the spec", async () => {
    const spec = await specFiles({
      "api/openapi.json": {
        openapi: "3.2.0",
        $self: "https://specs.example.com/v1/openapi.json",
        info,
        paths: {
          "/pets": {
            get: {
              responses: {
                "200": { description: "ok", content: { "application/json": { schema: { $ref: "https://specs.example.com/v1/openapi.json#/components/schemas/Pet" } } } },
                default: { description: "error", content: { "application/json": { schema: { $ref: "https://specs.example.com/v1/common/error.json#/Error" } } } },
              },
            },
          },
        },
        components: { schemas: { Pet: { type: "object", required: ["id"], properties: { id: { type: "integer" } } } } },
      },
      "api/common/error.json": { Error: { type: "object", required: ["message"], properties: { message: { type: "string" } } } },
    });
    const result = await generate({ spec });
    expect(result.warnings).toEqual([]);
    const types = result.files.find((file) => file.path === "types.ts")?.contents ?? "";
    expect(types).toMatch(/export interface Pet \{\n {2}id: number;/);
    expect(types).toMatch(/export interface GetPetsErrorDefault \{\n {2}message: string;/);
    expect(result.sources.map((source) => path.basename(source))).toEqual(["openapi.json", "error.json"]);
  });

  it("leaves a $ref to another origin to the bundler, which refuses it for a local spec", async () => {
    const spec = await specFiles({
      "openapi.json": {
        openapi: "3.2.0",
        $self: "https://specs.example.com/openapi.json",
        info,
        paths: { "/x": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "https://elsewhere.example.com/x.json" } } } } } } } },
      },
    });
    await expect(generate({ spec })).rejects.toThrow(GenError);
  });

  it("warns when $self is no URI reference, and keeps none", async () => {
    const model = await modelOf({ openapi: "3.2.0", $self: "https://x.test/a.json#frag", info, paths: {} });
    expect(model.self).toBeUndefined();
    expect(model.warnings).toEqual([{ code: "ignored", message: "$self must be a URI reference without a fragment: ignored", pointer: "#/$self" }]);
  });
});

describe("additionalOperations", () => {
  it("reads x-oai-additionalOperations in a 3.1 document, and skips a key that is no method name or names a fixed method in another case", async () => {
    const model = await modelOf({
      openapi: "3.1.0",
      info,
      paths: {
        "/docs/{id}": {
          "x-oai-additionalOperations": {
            COPY: { operationId: "copyDoc", responses: ok },
            "NOT A METHOD": { responses: ok },
            query: { responses: ok },
          },
        },
      },
    });
    expect(model.operations.map((operation) => `${operation.method} ${operation.path} ${operation.name}`)).toEqual(["COPY /docs/{id} copyDoc"]);
    expect(model.warnings.map(({ message, pointer }) => `${pointer}: ${message}`)).toEqual([
      '#/paths/~1docs~1{id}/x-oai-additionalOperations/NOT A METHOD: "NOT A METHOD" is not an HTTP method name (RFC 9110 token): this operation is skipped',
      "#/paths/~1docs~1{id}/x-oai-additionalOperations/query: x-oai-additionalOperations must not hold query: the Path Item's `query` field is that method's (OpenAPI 3.2); this operation is skipped",
      // The undeclared path parameter {id}, as for any operation.
      "#/paths/~1docs~1{id}/x-oai-additionalOperations/COPY: path parameter id is not declared: sent as a string",
    ]);
  });

  it("names an operation without operationId after its method and path", async () => {
    const model = await modelOf({ openapi: "3.2.0", info, paths: { "/cache/{key}": { parameters: [{ name: "key", in: "path", required: true, schema: { type: "string" } }], additionalOperations: { PURGE: { responses: ok } } } } });
    expect(model.operations.map((operation) => operation.name)).toEqual(["purgeCacheByKey"]);
  });
});

describe("in: querystring", () => {
  it("warns and drops a querystring parameter with a media type the SDK cannot write, or a second one", async () => {
    const model = await modelOf({
      openapi: "3.2.0",
      info,
      paths: {
        "/a": { get: { parameters: [{ name: "q", in: "querystring", content: { "text/plain": { schema: { type: "string" } } } }], responses: ok } },
        "/b": {
          get: {
            parameters: [
              { name: "first", in: "querystring", content: { "application/json": { schema: { type: "object" } } } },
              { name: "second", in: "querystring", content: { "application/json": { schema: { type: "object" } } } },
            ],
            responses: ok,
          },
        },
      },
    });
    expect(model.operations.map((operation) => operation.parameters.map((parameter) => `${parameter.in} ${parameter.name}`))).toEqual([[], ["querystring first"]]);
    expect(model.warnings.map(({ message, pointer }) => `${pointer}: ${message}`)).toEqual([
      "#/paths/~1a/get/parameters/0: querystring parameter q has content text/plain: the SDK sends a query string as application/x-www-form-urlencoded or JSON only; it is ignored",
      "#/paths/~1b/get/parameters/1: querystring parameter second is the whole query string: only one is allowed, and first comes first (OpenAPI 3.2); it is ignored",
    ]);
  });
});

describe("other OpenAPI 3.2 additions", () => {
  it("reads a webhook payload whose Media Type Object is a $ref, and warns for a webhook described by additionalOperations only", async () => {
    const model = await modelOf({
      openapi: "3.2.0",
      info,
      paths: {},
      webhooks: {
        created: { post: { requestBody: { content: { "application/json": { $ref: "#/components/mediaTypes/Event" } } }, responses: ok } },
        purged: { additionalOperations: { PURGE: { responses: ok } } },
      },
      components: { mediaTypes: { Event: { schema: { type: "object", required: ["id"], properties: { id: { type: "string" } } } } } },
    });
    expect(model.webhooks.map((webhook) => [webhook.name, webhook.payload.kind])).toEqual([["created", "ref"]]);
    expect(model.warnings.map((warning) => warning.pointer)).toEqual(["#/webhooks/purged/additionalOperations"]);
  });

  it("warns when a discriminator's defaultMapping is not one of the union's variants", async () => {
    const model = await modelOf({
      openapi: "3.2.0",
      info,
      paths: {},
      components: {
        schemas: {
          Shape: { oneOf: [{ $ref: "#/components/schemas/Circle" }], discriminator: { propertyName: "kind", defaultMapping: "#/components/schemas/Blob" } },
          Circle: { type: "object", properties: { kind: { const: "circle" } } },
          Blob: { type: "object" },
        },
      },
    });
    expect(model.warnings.map((warning) => warning.pointer)).toEqual(["#/components/schemas/Shape/discriminator/defaultMapping"]);
  });
});

/**
 * The grouped layout: where each operation's resource comes from, what its method is called,
 * how clashes are settled, and how the name map keeps layout, resources and names across
 * regenerations (and `--check` reports a move).
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSdk, generate, writeSdk, type GenerateOptions } from "../../generator/index.js";
import { NAME_MAP_FILE } from "../../generator/sdk-state.js";
import { outRoot } from "../support/sdk.js";

type Document = Record<string, unknown>;
type Ops = Record<string, Record<string, { operationId?: string; tags?: string[] }>>;

const ok = { "200": { description: "ok" } };

function spec(paths: Ops, extra: Document = {}): Document {
  const withResponses = Object.fromEntries(
    Object.entries(paths).map(([route, item]) => [route, Object.fromEntries(Object.entries(item).map(([method, op]) => [method, { ...op, responses: ok }]))]),
  );
  return { openapi: "3.0.3", info: { title: "resources", version: "1" }, paths: withResponses, ...extra };
}

let counter = 0;

/** Writes the spec to its own folder and generates; with `out`, the SDK is written there too. */
async function generated(document: Document, options: Omit<GenerateOptions, "spec"> = {}) {
  const dir = path.join(outRoot, "resources", `spec-${counter++}`);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "spec.json");
  await writeFile(file, JSON.stringify(document));
  const result = await generate({ spec: file, ...options });
  return { file, result, client: result.files.find((each) => each.path === "client.ts")?.contents ?? "" };
}

/** Each operation's place on the client, `resource.member`, by route, read back from the name map. */
async function places(document: Document, options: Omit<GenerateOptions, "spec"> = {}): Promise<Record<string, string>> {
  const { result } = await generated(document, options);
  return placesIn(result.files.find((each) => each.path === NAME_MAP_FILE)?.contents ?? "{}");
}

function placesIn(nameMap: string): Record<string, string> {
  const map = JSON.parse(nameMap) as { layout: string; operations: Record<string, string>; resources?: Record<string, string>; members?: Record<string, string> };
  if (map.layout === "flat") return map.operations;
  return Object.fromEntries(Object.entries(map.members ?? {}).map(([route, member]) => [route, [map.resources?.[route], member].filter(Boolean).join(".")]));
}

describe("resources", () => {
  it("nest under OpenAPI 3.2 parent tags, and come from a navigation tag before a badge or audience one", async () => {
    const document = {
      ...spec({
        "/repos/{id}/hooks": { get: { operationId: "listHooks", tags: ["beta", "hooks"] } },
        "/repos/{id}": { get: { operationId: "getRepo", tags: ["repos"] } },
        "/admin": { get: { operationId: "audit", tags: ["admins"] } },
      }),
      openapi: "3.2.0",
      tags: [
        { name: "repos" },
        { name: "hooks", parent: "repos", kind: "nav" },
        { name: "beta", kind: "badge" },
        { name: "admins", kind: "audience" },
      ],
    };
    expect(await places(document)).toEqual({
      "GET /repos/{id}/hooks": "repos.hooks.listHooks",
      "GET /repos/{id}": "repos.getRepo",
      "GET /admin": "admins.audit",
    });
  });

  it("come from the first tag, else an operationId prefix, else the path, else the client itself", async () => {
    const document = spec({
      "/pets": { get: { operationId: "listPets", tags: ["Pet Store", "other"] } },
      "/users/{id}": { get: { operationId: "users/get" }, delete: { operationId: "users.delete" } },
      "/orders": { get: { operationId: "listOrders" }, post: { operationId: "createOrder" } },
      "/": { get: { operationId: "root" } },
    });
    expect(await places(document)).toEqual({
      "GET /pets": "petStore.listPets",
      "GET /users/{id}": "users.get",
      "DELETE /users/{id}": "users.delete",
      "GET /orders": "orders.listOrders",
      "POST /orders": "orders.createOrder",
      "GET /": "root",
    });
  });

  it("take the tag before an operationId prefix, and keep the whole name when the prefix names another resource", async () => {
    const document = spec({ "/insights": { get: { operationId: "api-insights/get-stats", tags: ["orgs"] } }, "/orgs": { get: { operationId: "orgs/list", tags: ["orgs"] } } });
    expect(await places(document)).toEqual({ "GET /insights": "orgs.apiInsightsGetStats", "GET /orgs": "orgs.list" });
    expect(await places(document, { groupBy: "operationId" })).toEqual({ "GET /insights": "apiInsights.getStats", "GET /orgs": "orgs.list" });
  });

  it("read only / and . as operationId prefixes: snake_case and kebab-case ids are words", async () => {
    const document = spec({
      "/a": { get: { operationId: "get_user_by_id" } },
      "/b": { get: { operationId: "list-items" } },
      "/c": { get: { operationId: "pets.create" } },
      "/v1/items.json": { get: {} },
    });
    expect(await places(document, { groupBy: "operationId" })).toEqual({ "GET /a": "getUserById", "GET /b": "listItems", "GET /c": "pets.create", "GET /v1/items.json": "getV1ItemsJson" });
  });

  it("from paths skip the prefix every path shares, and make no resource for a lone operation", async () => {
    const document = spec({
      "/api/v1/pets": { get: { operationId: "listPets" } },
      "/api/v1/pets/{id}": { get: { operationId: "getPet" } },
      "/api/v1/health": { get: { operationId: "health" } },
    });
    expect(await places(document, { groupBy: "path" })).toEqual({ "GET /api/v1/pets": "pets.listPets", "GET /api/v1/pets/{id}": "pets.getPet", "GET /api/v1/health": "health" });
  });

  it("follow the config's resources entry first: by operationId, nested, or null for the client itself", async () => {
    const document = spec({
      "/repos": { get: { operationId: "repos/get", tags: ["repos"] } },
      "/hooks": { get: { operationId: "repos/list-webhooks", tags: ["repos"] } },
      "/meta": { get: { operationId: "meta/root", tags: ["meta"] } },
    });
    const { result } = await generated(document, { resources: { "repos/list-webhooks": "repos.hooks", "meta/root": null, "no/such": "x" } });
    expect(placesIn(result.files.find((each) => each.path === NAME_MAP_FILE)?.contents ?? "")).toEqual({
      "GET /repos": "repos.get",
      "GET /hooks": "repos.hooks.listWebhooks",
      "GET /meta": "metaRoot",
    });
    expect(result.warnings.map((warning) => warning.message)).toEqual(['the resources option names "no/such", which is no operation of this API']);
  });

  it("name operations in the pagination option by their path on the client too", async () => {
    const document = spec({ "/pets": { get: { operationId: "listPets", tags: ["pets"] } } });
    const { result } = await generated(document, { pagination: { "pets.listPets": false } });
    expect(result.warnings).toEqual([]);
  });

  it("take their names before methods, number a clash, and never take webhooks, then or __proto__", async () => {
    const document = spec(
      {
        "/": { get: { operationId: "pets", tags: [] } },
        "/pets": { get: { operationId: "pets/get", tags: ["pets"] } },
        "/pets/{id}": { get: { operationId: "get", tags: ["pets"] } },
        "/hooks": { get: { operationId: "listHooks", tags: ["webhooks"] } },
        "/then": { get: { operationId: "thenList", tags: ["then"] } },
        "/proto": { get: { operationId: "protoList", tags: ["__proto__"] } },
      },
      { webhooks: { petAdded: { post: { requestBody: { content: { "application/json": { schema: { type: "object" } } } }, responses: ok } } } },
    );
    const { result, client } = await generated(document);
    expect(placesIn(result.files.find((each) => each.path === NAME_MAP_FILE)?.contents ?? "")).toEqual({
      "GET /": "pets2",
      "GET /pets": "pets.get",
      "GET /pets/{id}": "pets.get2",
      "GET /hooks": "webhooks2.listHooks",
      "GET /then": "then2.thenList",
      "GET /proto": "proto.protoList",
    });
    expect(client).toContain("readonly webhooks: Webhooks<WebhookEvent>;");
  });

  it("nest in the client's type as interfaces of the same endpoint types", async () => {
    const { client } = await generated(spec({ "/repos": { get: { operationId: "repos/get", tags: ["repos"] } }, "/hooks": { get: { operationId: "repos/hooks/list" } } }), {
      groupBy: "operationId",
    });
    expect(client).toContain("export interface Client {\n  readonly repos: ReposResource;\n}");
    expect(client).toMatch(/export interface ReposResource \{[^}]*get: OptionalArgsEndpoint<[^}]*readonly hooks: ReposHooksResource;\n\}/);
    expect(client).toMatch(/export interface ReposHooksResource \{[^}]*list: OptionalArgsEndpoint</);
    expect(client).toContain("repos: {\n      get: runtime.optionalEndpoint(op.reposGet),\n      hooks: {\n        list: runtime.optionalEndpoint(op.reposHooksList),\n      },\n    },");
  });
});

describe("the name map and the layout", () => {
  const v1 = spec({ "/pets": { get: { operationId: "listPets", tags: ["pets"] } }, "/pets/{id}": { get: { operationId: "pets/get", tags: ["pets"] } } });

  async function sdkFolder(name: string): Promise<string> {
    const out = path.join(outRoot, "resources", name);
    await rm(out, { recursive: true, force: true });
    return out;
  }

  async function write(document: Document, out: string, options: Omit<GenerateOptions, "spec" | "out"> = {}) {
    const { file, result } = await generated(document, { ...options, out });
    await writeSdk(out, result.files);
    return { file, nameMap: await readFile(path.join(out, NAME_MAP_FILE), "utf8") };
  }

  it("keeps an SDK whose name map predates layouts flat, and a grouped one grouped", async () => {
    const out = await sdkFolder("pinned-layout");
    const { nameMap } = await write(v1, out, { layout: "flat" });
    const legacy = JSON.parse(nameMap) as Record<string, unknown>;
    delete legacy.layout;
    await writeFile(path.join(out, NAME_MAP_FILE), JSON.stringify(legacy));
    expect(placesIn((await write(v1, out)).nameMap)).toEqual({ "GET /pets": "listPets", "GET /pets/{id}": "petsGet" });
    expect(placesIn((await write(v1, out, { layout: "grouped" })).nameMap)).toEqual({ "GET /pets": "pets.listPets", "GET /pets/{id}": "pets.get" });
    expect(placesIn((await write(v1, out)).nameMap)).toEqual({ "GET /pets": "pets.listPets", "GET /pets/{id}": "pets.get" });
  });

  it("keeps each method's resource and name when the spec adds a clashing operation or retags one", async () => {
    const out = await sdkFolder("pinned-names");
    await write(v1, out);
    const v2 = spec({
      "/a": { get: { operationId: "get", tags: ["pets"] } },
      "/pets": { get: { operationId: "listPets", tags: ["animals"] } },
      "/pets/{id}": { get: { operationId: "pets/get", tags: ["pets"] } },
    });
    expect(placesIn((await write(v2, out)).nameMap)).toEqual({ "GET /a": "pets.get2", "GET /pets": "pets.listPets", "GET /pets/{id}": "pets.get" });
    // Only the config moves a pinned method.
    expect(placesIn((await write(v2, out, { resources: { listPets: "animals" } })).nameMap)).toMatchObject({ "GET /pets": "animals.listPets" });
  });

  it("puts a new operation in a pinned resource of its tag's name, even after the resource's own operations were retagged", async () => {
    const out = await sdkFolder("pinned-retagged");
    await write(v1, out);
    const v2 = spec({
      "/pets": { get: { operationId: "listPets", tags: ["animals"] } },
      "/pets/{id}": { get: { operationId: "pets/get", tags: ["animals"] } },
      "/pets/{id}/toys": { get: { operationId: "listToys", tags: ["pets"] } },
    });
    expect(placesIn((await write(v2, out)).nameMap)).toEqual({ "GET /pets": "pets.listPets", "GET /pets/{id}": "pets.get", "GET /pets/{id}/toys": "pets.listToys" });
  });

  it("moves a pinned resource named webhooks aside when the API gains webhooks", async () => {
    const out = await sdkFolder("pinned-webhooks");
    const v1Hooks = spec({ "/hooks": { get: { operationId: "listHooks", tags: ["webhooks"] } } });
    expect(placesIn((await write(v1Hooks, out)).nameMap)).toEqual({ "GET /hooks": "webhooks.listHooks" });
    const withWebhooks = { ...v1Hooks, webhooks: { petAdded: { post: { requestBody: { content: { "application/json": { schema: { type: "object" } } } }, responses: ok } } } };
    expect(placesIn((await write(withWebhooks, out)).nameMap)).toEqual({ "GET /hooks": "webhooks2.listHooks" });
  });

  it("makes --check report each method a layout switch moves, as breaking", async () => {
    const out = await sdkFolder("check-layout");
    const { file } = await write(v1, out, { layout: "flat" });
    const report = await checkSdk({ spec: file, out, layout: "grouped" });
    expect(report.changes.map((change) => [change.kind, change.message, change.breaking])).toEqual([
      ["operation-moved", "api.petsGet moved to api.pets.get (GET /pets/{id})", true],
      ["operation-moved", "api.listPets moved to api.pets.listPets (GET /pets)", true],
    ]);
  });
});

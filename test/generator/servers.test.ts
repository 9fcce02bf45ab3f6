/**
 * How the generator reads servers: environment names (explicit, from descriptions, from hosts,
 * kept by the name map), variables, relative URLs, and the config's `environments`.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configSchema } from "../../generator/config/schema.js";
import { generate, GenError } from "../../generator/index.js";
import { analyze } from "../../generator/analyze/index.js";
import { convert } from "../../generator/convert/index.js";
import type { ApiModel } from "../../generator/model/model.js";
import { environmentNames } from "../../generator/convert/servers.js";
import { nameMapFile, parseNameMap } from "../../generator/name-map.js";
import { NAME_MAP_FILE } from "../../generator/sdk-state.js";
import { startServer, type TestServer } from "../support/http-server.js";
import { fixturePath, repoRoot } from "../support/sdk.js";

type Document = Record<string, unknown>;

function model(servers: unknown, recorded?: ReturnType<typeof parseNameMap>): ApiModel {
  const document: Document = { openapi: "3.1.0", info: { title: "T", version: "1" }, servers, paths: {} };
  return analyze(convert({ file: "spec.json", text: JSON.stringify(document), version: "3.1", document, files: [] }, recorded), {}, recorded);
}

const named = (servers: readonly { url: string; explicit?: string; description?: string }[]): string[] =>
  environmentNames(servers.map((server) => ({ url: server.url, explicit: server.explicit, description: server.description })));

describe("environment names", () => {
  it("take x-environment first, then the description's distinctive words, then the host's first distinctive label", () => {
    expect(
      named([
        { url: "https://a.example.com", explicit: "live" },
        { url: "https://b.example.com", description: "The sandbox server (test data only)" },
        { url: "https://api.staging.example.com/v1" },
        { url: "https://c.example.com", description: "Use this server when you want to see what happens to European data." },
        { url: "http://localhost:8080" },
        { url: "http://127.0.0.1:8080" },
        { url: "/relative" },
      ]),
    ).toEqual(["live", "sandbox", "staging", "c", "localhost", "server", "default"]);
  });

  it("number a name taken, and never let a derived name take an explicit one", () => {
    expect(
      named([
        { url: "https://x.example.com", description: "Production" },
        { url: "https://y.example.com", description: "Production server" },
        { url: "https://z.example.com", explicit: "production" },
      ]),
    ).toEqual(["production2", "production3", "production"]);
  });

  it("take an OpenAPI 3.2 server's name as given, and read a possessive in a description as one word", () => {
    const servers = model([
      { url: "https://a.example.com", name: "live", description: "Production" },
      { url: "https://b.example.com", description: "The provider's sandbox" },
    ]).servers;
    expect(servers.map((server) => server.name)).toEqual(["live", "providerSandbox"]);
  });

  it("are kept by the name map when a description changes", () => {
    const v1 = model([{ url: "https://eu.example.com", description: "Europe" }]);
    expect(v1.servers.map((server) => server.name)).toEqual(["europe"]);
    const v2 = model([{ url: "https://eu.example.com", description: "EU region" }], parseNameMap(nameMapFile(v1).contents, NAME_MAP_FILE));
    expect(v2.servers.map((server) => server.name)).toEqual(["europe"]);
  });
});

describe("server variables", () => {
  it("default to the first enum value, with a warning, when the spec gives no default; an undeclared one to empty text", () => {
    const built = model([{ url: "https://{region}.example.com/{stage}", variables: { region: { enum: ["us", "eu"] } } }]);
    expect(built.servers[0]?.variables).toEqual([
      { name: "region", default: "us", enum: ["us", "eu"] },
      { name: "stage", default: "" },
    ]);
    expect(built.warnings.map((warning) => warning.message)).toEqual([
      'server variable region has no default: it defaults to "us"',
      'server variable stage is not declared: it defaults to "" (pass it in serverVariables)',
    ]);
  });
});

describe("a relative server URL", () => {
  let server: TestServer;
  const spec = 'openapi: 3.1.0\ninfo: { title: Rel, version: "1" }\nservers:\n  - url: ../api/{version}\n    variables: { version: { default: v1 } }\npaths:\n  /x:\n    get:\n      responses: { "204": { description: none } }\n';
  beforeAll(async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/yaml" });
      response.end(spec);
    });
  });
  afterAll(() => server.close());

  it("resolves against the spec's URL when it was fetched from one, its variables kept", async () => {
    const result = await generate({ spec: `${server.url}/docs/openapi.yaml` });
    expect(result.files.find((file) => file.path === "client.ts")?.contents).toContain(`url: "${server.url}/api/{version}",`);
  });
});

describe("the config's environments", () => {
  const spec = path.relative(repoRoot, fixturePath("environments.yaml"));

  it("replace the spec's servers, in order, and may use its variables", async () => {
    const result = await generate({ spec, environments: { live: "https://{region}.live.example.com", test: "https://test.example.com" } });
    const client = result.files.find((file) => file.path === "client.ts")?.contents ?? "";
    expect(client).toContain('export type Environment = "live" | "test";');
    expect(client).toContain('url: "https://{region}.live.example.com",\n      name: "live",\n      variables: {\n        region: "us",');
  });

  it("refuse a placeholder that is no server variable of the spec", async () => {
    const failure = generate({ spec, environments: { live: "https://{tenant}.example.com" } });
    await expect(failure).rejects.toBeInstanceOf(GenError);
    await expect(failure).rejects.toThrow(/environments\.live: \{tenant\} is no server variable of .*environments\.yaml \(it declares region, version, host, port, stagingPort, uploadPort, reportPort\)/);
  });

  it("are accepted by the config file's schema, and an empty list is not", () => {
    const api = { spec: "a.yaml", out: "sdk" };
    expect(configSchema.safeParse({ apis: [{ ...api, environments: { production: "https://x.test" } }] }).success).toBe(true);
    expect(configSchema.safeParse({ apis: [{ ...api, environments: {} }] }).error?.issues[0]?.message).toBe("name at least one environment");
  });
});

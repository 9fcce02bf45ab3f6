/**
 * The webhook handlers both READMEs show (the project's, and the one generated into an SDK) are
 * taken from the README text as they stand, their SDK import pointed at a freshly generated SDK
 * of fixtures/webhooks.yaml and nothing else changed, type-checked strictly and run: the node:http
 * one listening on 127.0.0.1, the fetch one called with real `Request`s. Deliveries come from the
 * testing kit's signer: correctly signed ones are handled, tampered and stale ones get a 400.
 */
import { readFile, mkdir, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { once } from "node:events";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMockApi } from "../.out/sdk/webhooks/testing.js";
import { fixturePath, generateInto, outRoot, repoRoot, typecheck } from "../support/sdk.js";

const CURRENT_SECRET = "whsec_" + Buffer.from("the readme's secret").toString("base64");
const OLD_SECRET = "whsec_" + Buffer.from("the readme's previous secret").toString("base64");
const dir = path.join(outRoot, "readme-webhooks");
const snippetsDir = path.join(dir, "snippets");

interface Readme {
  readonly label: string;
  /** The SDK import the README's examples spell. */
  readonly importPath: string;
  readonly text: () => Promise<string>;
}

const generated = generateInto(fixturePath("webhooks.yaml"), "readme-webhooks/shelter");
const readmes: readonly Readme[] = [
  { label: "project", importPath: "./generated/shelter/index.js", text: () => readFile(path.join(repoRoot, "README.md"), "utf8") },
  { label: "sdk", importPath: "./sdk/index.js", text: async () => (await generated).result.files.find((file) => file.path === "README.md")?.contents ?? "" },
];

/** The README's `<!-- example: webhooks … -->` code blocks, by name. */
function examples(readme: string): Map<string, string> {
  return new Map([...readme.matchAll(/<!-- example: webhooks ([^>]+?) -->\n```ts\n([\s\S]*?)\n```/g)].map((match) => [match[1] ?? "", match[2] ?? ""]));
}

/** Writes each README's two handlers beside the SDK, their import path the only change. */
async function writeSnippets(): Promise<void> {
  await generated;
  await mkdir(snippetsDir, { recursive: true });
  for (const readme of readmes) {
    const found = examples(await readme.text());
    expect([...found.keys()].sort(), `${readme.label} README's webhook examples`).toEqual(["fetch", "node:http"]);
    for (const [kind, code] of found) {
      expect(code.split(JSON.stringify(readme.importPath)).length - 1, `${readme.label} ${kind} imports the SDK once`).toBe(1);
      await writeFile(path.join(snippetsDir, `${readme.label}-${kind === "fetch" ? "fetch" : "node"}.ts`), code.replace(JSON.stringify(readme.importPath), JSON.stringify("../shelter/index.js")));
    }
  }
}

const written = writeSnippets();
const logged: unknown[][] = [];
const adopted = { type: "pet.adopted", pet: { id: 7, name: "Rex", species: "dog" }, adoptedAt: "2026-05-01T10:00:00Z" } as const;
const mock = createMockApi();

/** A delivery of petAdopted as the API sends it: signed by the testing kit, with the shop header the spec requires. */
async function delivery({ secret = CURRENT_SECRET, age = 0 } = {}): Promise<{ method: "POST"; body: string; headers: Record<string, string> }> {
  return mock.webhooks.sign("petAdopted", adopted, { secret, timestamp: Math.floor(Date.now() / 1000) - age, headers: { "X-Shop-Domain": "north.example" } });
}

type Send = (init: { method: "POST"; body: string; headers: Record<string, string> }) => Promise<{ status: number; text: string }>;

const environment = { PORT: process.env.PORT, HOST: process.env.HOST, WEBHOOK_SECRET: process.env.WEBHOOK_SECRET };
const servers = new Set<Server>();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void logged.push(args));
  Object.assign(process.env, { PORT: "0", HOST: "127.0.0.1", WEBHOOK_SECRET: CURRENT_SECRET });
});
afterAll(async () => {
  vi.restoreAllMocks();
  for (const [key, value] of Object.entries(environment)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await Promise.all(
    [...servers].map(async (server) => {
      const closed = once(server, "close");
      server.close();
      server.closeAllConnections();
      await closed;
    }),
  );
});

it("the READMEs' webhook handlers type-check strictly against the generated SDK", async () => {
  await written;
  expect(await typecheck([snippetsDir, path.join(dir, "shelter")], "NodeNext", "readme-webhooks", ["node"])).toBe("");
});

/** Loads a snippet as the user would run it: the node:http one starts listening on import. */
async function handler(readme: Readme, kind: "node" | "fetch"): Promise<Send> {
  await written;
  const module = (await import(path.join(snippetsDir, `${readme.label}-${kind}.ts`))) as { server?: Server; POST?: (request: Request) => Promise<Response> };
  if (kind === "fetch") {
    const post = module.POST;
    if (post === undefined) throw new Error(`the ${readme.label} README's fetch handler exports no POST`);
    return async (init) => {
      const response = await post(new Request("http://127.0.0.1/webhooks", init));
      return { status: response.status, text: await response.text() };
    };
  }
  const server = module.server;
  if (server === undefined) throw new Error(`the ${readme.label} README's node:http handler exports no server`);
  servers.add(server);
  if (!server.listening) await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string" || address.address !== "127.0.0.1") throw new Error(`not listening on 127.0.0.1: ${JSON.stringify(address)}`);
  return async (init) => {
    const response = await fetch(`http://127.0.0.1:${address.port}/webhooks`, init);
    return { status: response.status, text: await response.text() };
  };
}

describe.each(readmes)("the $label README's", (readme) => {
  describe.each(["node", "fetch"] as const)("%s handler", (kind) => {
    // Loaded on first use, inside a test: after beforeAll has set the environment the handler reads.
    let loaded: Promise<Send> | undefined;
    const send = async (init: Parameters<Send>[0]) => (await (loaded ??= handler(readme, kind)))(init);

    it("handles a correctly signed delivery: 204, and the typed event logged", async () => {
      const before = logged.length;
      expect(await send(await delivery())).toEqual({ status: 204, text: "" });
      const lines = logged.slice(before);
      if (readme.label === "project") expect(lines).toEqual([["Rex found a home through north.example"]]);
      else expect(lines).toEqual([["petAdopted", adopted]]);
    });

    it("rejects a tampered body with 400 bad-signature", async () => {
      const signed = await delivery();
      expect(await send({ ...signed, body: signed.body.replace("Rex", "Max") })).toEqual({ status: 400, text: "bad-signature" });
    });

    it("rejects a delivery signed ten minutes ago with 400 stale-timestamp", async () => {
      expect(await send(await delivery({ age: 600 }))).toEqual({ status: 400, text: "stale-timestamp" });
    });

    it("rejects a delivery without the header the spec requires with 400 missing-header", async () => {
      const { "X-Shop-Domain": _dropped, ...headers } = (await delivery()).headers;
      expect(await send({ ...(await delivery()), headers })).toEqual({ status: 400, text: "missing-header" });
    });
  });
});

it("the project README's node:http handler accepts the secret being rotated out, given as \"new old\"", async () => {
  const send = await handler(readmes[0]!, "node");
  process.env.WEBHOOK_SECRET = `${CURRENT_SECRET} ${OLD_SECRET}`;
  try {
    expect((await send(await delivery({ secret: OLD_SECRET }))).status).toBe(204);
  } finally {
    process.env.WEBHOOK_SECRET = CURRENT_SECRET;
  }
});

/**
 * The runtime matrix (`npm run runtimes`): the same scenario (scenario.ts) over generated SDKs, in
 * Node, Deno, Bun, Cloudflare's workerd (through miniflare) and a headless Chromium whose page is on
 * another origin than the API, so that CORS is part of the test.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKS, type CheckResult, type runScenario, type walkLinkHeaderList } from "./scenario.js";
import { startMatrixServer, type MatrixServer } from "./server.js";
import { bundleDir, CHROMIUM, importTool, toolBin } from "./tools.js";

const run = promisify(execFile);

type Runner = (origin: string, runtime: string) => Promise<CheckResult[]>;

async function runCli(command: string, args: readonly string[]): Promise<CheckResult[]> {
  const { stdout } = await run(command, [...args], { timeout: 60_000, maxBuffer: 4 * 1024 * 1024 });
  return JSON.parse(stdout) as CheckResult[];
}

const cli = path.join(bundleDir, "cli.js");
const cliSource = fileURLToPath(new URL("entries/cli.ts", import.meta.url));

/** The parts of miniflare's and playwright-core's APIs used here (neither is a devDependency). */
interface MiniflareModule {
  Miniflare: new (options: Record<string, unknown>) => {
    dispatchFetch(url: string): Promise<{ json(): Promise<unknown>; status: number; text(): Promise<string> }>;
    dispose(): Promise<void>;
  };
}
interface PlaywrightModule {
  chromium: {
    launch(options: { executablePath: string; args: string[] }): Promise<{
      newPage(): Promise<{
        goto(url: string): Promise<unknown>;
        evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
      }>;
      close(): Promise<void>;
    }>;
  };
}

/** Chromium's flags on a closed network (see the project's machine notes): no background traffic. */
const CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const RUNNERS: Readonly<Record<string, Runner>> = {
  node: (origin, runtime) => runCli(process.execPath, [cli, origin, runtime]),
  // Deno and Bun run the generated TypeScript itself, as their users would, not the bundle. Deno
  // needs --sloppy-imports for the SDK's `.js` import specifiers (NodeNext style) to find `.ts` files.
  deno: (origin, runtime) => runCli(toolBin("deno"), ["run", "--quiet", "--sloppy-imports", "--allow-net=127.0.0.1", cliSource, origin, runtime]),
  bun: (origin, runtime) => runCli(toolBin("bun"), [cliSource, origin, runtime]),
  workerd: async (origin, runtime) => {
    const { Miniflare } = await importTool<MiniflareModule>("miniflare");
    const worker = new Miniflare({ modules: true, scriptPath: path.join(bundleDir, "worker.js"), compatibilityDate: "2026-04-01" });
    try {
      const response = await worker.dispatchFetch(`http://worker.local/?origin=${encodeURIComponent(origin)}&runtime=${runtime}`);
      if (response.status !== 200) throw new Error(`the worker answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as CheckResult[];
    } finally {
      await worker.dispose();
    }
  },
  chromium: (origin, runtime) =>
    inChromium((tab) =>
      tab.evaluate(([apiOrigin, name]) => (globalThis as unknown as BrowserGlobals).runScenario(apiOrigin, name), [origin, runtime] as const),
    ),
};

/** What entries/browser.ts puts on the page's global object. */
interface BrowserGlobals {
  runScenario: typeof runScenario;
  walkLinkHeaderList: typeof walkLinkHeaderList;
}

type Tab = Awaited<ReturnType<Awaited<ReturnType<PlaywrightModule["chromium"]["launch"]>>["newPage"]>>;

/** Opens the scenario's page (entries/browser.ts) in a headless Chromium and hands it to `use`. */
async function inChromium<T>(use: (tab: Tab) => Promise<T>): Promise<T> {
  const page = await startPageServer();
  const { chromium } = await importTool<PlaywrightModule>("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const tab = await browser.newPage();
    await tab.goto(page.url);
    return await use(tab);
  } finally {
    await browser.close();
    await new Promise((resolve) => page.server.close(resolve));
  }
}

/** The page's own origin, another port than the API's: every call the SDK makes is cross-origin. */
async function startPageServer(): Promise<{ url: string; server: Server }> {
  const script = readFileSync(path.join(bundleDir, "browser.js"));
  const server = createServer((request, response) => {
    if (request.url === "/browser.js") return void response.writeHead(200, { "content-type": "text/javascript" }).end(script);
    response.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><script type="module" src="/browser.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

let server: MatrixServer;

/** How many GETs of `path` the server received from `runtime`. */
function gets(runtime: string, path: string): number {
  return server.calls.get(runtime)?.filter((call) => call.method === "GET" && call.path === path).length ?? 0;
}
const timings: string[] = [];
beforeAll(async () => {
  server = await startMatrixServer();
});
afterAll(async () => {
  console.log(`runtimes: scenario time per runtime: ${timings.join(", ")}`);
  await server.close();
});

describe.each(Object.keys(RUNNERS))("a generated SDK in %s", (runtime) => {
  let results: CheckResult[] = [];
  beforeAll(async () => {
    const started = performance.now();
    const runner = RUNNERS[runtime];
    if (!runner) throw new Error(`no runner for ${runtime}`);
    results = await runner(server.origin, runtime);
    timings.push(`${runtime} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  it.each(CHECKS)("%s", (name) => {
    const result = results.find((each) => each.name === name);
    expect(result, `${runtime} did not report "${name}"`).toBeDefined();
    expect(result?.ok, result?.detail).toBe(true);
  });

  it("named the SDK in X-Client-Info on every request", () => {
    const requests = server.calls.get(runtime)?.filter((call) => call.method !== "OPTIONS") ?? [];
    expect(requests.length).toBeGreaterThan(0);
    for (const { headers } of requests) expect(headers["x-client-info"]).toMatch(/^(swagger-petstore|pagination)\/1\.0\.0 gen-client\/\d+\.\d+\.\d+/);
  });

  it("asked the server twice for the resource that failed once with 503", () => {
    expect(gets(runtime, "/v1/pets/77")).toBe(2);
  });

  // Deno's and Chromium's HTTP stacks resend a request themselves, once, when a kept-alive
  // connection drops it: the SDK's own attempts are checked by the ConnectionError's `attempts`.
  it("retried the request whose connection was dropped", () => {
    expect(gets(runtime, "/v1/pets/66")).toBeGreaterThanOrEqual(2);
  });
});

// After the runs above, which it inspects.
describe("a generated SDK in a page of another origin", () => {
  it("has Chromium preflight its requests, which carry the X-Client-Info header", () => {
    const preflights = server.calls.get("chromium")?.filter((call) => call.method === "OPTIONS") ?? [];
    expect(preflights.map(({ headers }) => headers["access-control-request-headers"])).toContainEqual(expect.stringContaining("x-client-info"));
  });

  it("warns that the Link header may be hidden when a cross-origin walk ends on a first page without one, and not when it is exposed", async () => {
    const walk = (runtime: string) => inChromium((tab) => tab.evaluate(([origin, name]) => (globalThis as unknown as BrowserGlobals).walkLinkHeaderList(origin, name), [server.origin, runtime] as const));
    const exposed = await walk("chromium-exposed");
    server.hideLinkHeader = true;
    const hidden = await walk("chromium-hidden").finally(() => (server.hideLinkHeader = false));
    expect(exposed).toEqual({ ids: [1, 2, 3, 4, 5], warnings: [] });
    expect(hidden.ids).toEqual([1, 2]);
    expect(hidden.warnings).toEqual([expect.stringMatching(/^.*listLinkHeaderItems: the first page has no Link header.*"Access-Control-Expose-Headers: Link"/)]);
  });
});

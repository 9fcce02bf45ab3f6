/**
 * Bundle size (#22): what a browser app that calls GitHub operations ships. For each SDK row of
 * `BUNDLE_SDKS`, the app template of its shape (bench/bundle-apps/) is rendered for one operation
 * (`repos/get`) and for ten (`BUNDLE_OPS`), bundled with esbuild (bundle, minify, ESM, platform
 * browser) as one file and with `--splitting`, and measured minified and gzipped (zlib level 9,
 * as `gzip -9`; each output file on its own, as a server sends them). With splitting, "initial" is
 * the entry and the chunks it imports statically (what loads before the app runs), "total" every
 * output. The SDKs are generated from GitHub's spec in this run: gen-client (its default, validation
 * on; the same SDK with `createClient({ validate: "off" })`; one generated with `--validate
 * off`; one with `--zod mini` validators) and @hey-api/openapi-ts (client-fetch with zod validators, and without).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { heyApiConfig, resetDir } from "./generators.ts";
import { BENCH_DIR, CONFIG_DIR, GEN_CLIENT_BIN, NODE, OUT_DIR, ROOT, WORK } from "./paths.ts";
import { peerModule } from "./peers.ts";
import type { Spec } from "./specs.ts";

/** An operation an app calls, with its arguments by place (each SDK shape arranges them its own way). */
export interface BundleOp {
  readonly id: string;
  readonly path: Readonly<Record<string, string | number>>;
  readonly query?: Readonly<Record<string, string | number>>;
  readonly body?: Readonly<Record<string, unknown>>;
}

const repo = { owner: "octocat", repo: "hello-world" };
/** The ten common GitHub operations of the "ten" app; the "one" app calls the first. */
export const BUNDLE_OPS: readonly BundleOp[] = [
  { id: "repos/get", path: repo },
  { id: "repos/list-for-org", path: { org: "github" }, query: { per_page: 10 } },
  { id: "repos/get-content", path: { ...repo, path: "README.md" } },
  { id: "issues/list-for-repo", path: repo, query: { state: "open" } },
  { id: "issues/get", path: { ...repo, issue_number: 1 } },
  { id: "issues/create", path: repo, body: { title: "Found a bug" } },
  { id: "issues/create-comment", path: { ...repo, issue_number: 1 }, body: { body: "Thanks!" } },
  { id: "pulls/list", path: repo, query: { state: "open" } },
  { id: "pulls/get", path: { ...repo, pull_number: 1 } },
  { id: "users/get-by-username", path: { username: "octocat" } },
];
export const BUNDLE_APPS = { one: 1, ten: 10 } as const;
export type BundleApp = keyof typeof BUNDLE_APPS;

/** The generated SDKs the rows bundle. */
type SdkBuild = "gen-client" | "gen-client-validate-off" | "gen-client-zod-mini" | "hey-api-zod" | "hey-api";

/** One row of the table: an SDK, the template of its shape, and how its app makes the client and passes arguments. */
interface BundleSdk {
  readonly id: string;
  readonly label: string;
  readonly build: SdkBuild;
  /** A file of bench/bundle-apps/. */
  readonly template: string;
  readonly clientOptions: string;
  readonly args: (op: BundleOp) => string;
}

const BASE_URL = '"https://api.github.com"';
/** gen-client's methods take one flat object of path and query parameters, and `body`. */
const flatArgs = (op: BundleOp): string => JSON.stringify({ ...op.path, ...op.query, ...(op.body === undefined ? {} : { body: op.body }) });
/** hey-api's functions take `{ path, query, body }`. */
const placedArgs = (op: BundleOp): string => JSON.stringify({ path: op.path, ...(op.query === undefined ? {} : { query: op.query }), ...(op.body === undefined ? {} : { body: op.body }) });

export const BUNDLE_SDKS: readonly BundleSdk[] = [
  { id: "gen-client", label: "gen-client, validation on (default)", build: "gen-client", template: "client-method.tpl", clientOptions: `{ baseUrl: ${BASE_URL} }`, args: flatArgs },
  {
    id: "gen-client-off-option",
    label: 'gen-client, `createClient({ validate: "off" })`',
    build: "gen-client",
    template: "client-method.tpl",
    clientOptions: `{ baseUrl: ${BASE_URL}, validate: "off" }`,
    args: flatArgs,
  },
  { id: "gen-client-off-sdk", label: "gen-client, SDK generated with `--validate off`", build: "gen-client-validate-off", template: "client-method.tpl", clientOptions: `{ baseUrl: ${BASE_URL} }`, args: flatArgs },
  { id: "gen-client-funcs", label: "gen-client functions (funcs.ts + createClientCore), validation on", build: "gen-client", template: "funcs.tpl", clientOptions: `{ baseUrl: ${BASE_URL} }`, args: flatArgs },
  {
    id: "gen-client-funcs-off-sdk",
    label: "gen-client functions, SDK generated with `--validate off`",
    build: "gen-client-validate-off",
    template: "funcs.tpl",
    clientOptions: `{ baseUrl: ${BASE_URL} }`,
    args: flatArgs,
  },
  {
    id: "gen-client-funcs-zod-mini",
    label: "gen-client functions, validation on, SDK generated with `--zod mini`",
    build: "gen-client-zod-mini",
    template: "funcs.tpl",
    clientOptions: `{ baseUrl: ${BASE_URL} }`,
    args: flatArgs,
  },
  { id: "hey-api-zod", label: "hey-api + zod (client-fetch, `validator: true`)", build: "hey-api-zod", template: "hey-api-sdk.tpl", clientOptions: `{ baseUrl: ${BASE_URL} }`, args: placedArgs },
  { id: "hey-api", label: "hey-api, no validators (client-fetch)", build: "hey-api", template: "hey-api-sdk.tpl", clientOptions: `{ baseUrl: ${BASE_URL} }`, args: placedArgs },
];

export interface SizeFigures {
  readonly minBytes: number;
  readonly gzipBytes: number;
}

export interface BundleFigures {
  readonly oneFile: SizeFigures;
  /** With `--splitting`: the entry and its static imports. */
  readonly splitInitial: SizeFigures;
  /** With `--splitting`: every output file. */
  readonly splitTotal: SizeFigures;
  readonly chunks: number;
}

export interface BundleResult {
  readonly esbuild: string;
  readonly ops: readonly string[];
  readonly sdks: readonly { id: string; label: string }[];
  /** figures[app][sdk id] */
  readonly figures: Record<BundleApp, Partial<Record<string, BundleFigures>>>;
  readonly failures: string[];
}

const BUNDLE_WORK = join(WORK, "bundle");
const sdkDir = (build: SdkBuild): string => join(OUT_DIR, "bundle", build);

/** `repos/get` → `reposGet`, as both gen-client and hey-api name GitHub's operations. */
export const camelName = (id: string): string => id.replace(/[/-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const kebabName = (id: string): string => id.replace(/\//g, "-");
/** `repos/get` → `repos.get`: the method on gen-client's grouped client (the resource is the tag, the prefix dropped). */
const memberPath = (id: string): string => id.split("/").map(camelName).join(".");

/** Renders a template of bench/bundle-apps/ (see its README) for an SDK row and the app's operations. */
export function renderApp(sdk: BundleSdk, sdkPath: string, ops: readonly BundleOp[]): string {
  const template = readFileSync(join(BENCH_DIR, "bundle-apps", sdk.template), "utf8");
  const lines: string[] = [];
  for (const line of template.split("\n")) {
    const each = /^(\s*)\/\/each: (.*)$/.exec(line);
    if (each === null) {
      lines.push(line);
      continue;
    }
    for (const op of ops) {
      lines.push(`${each[1] ?? ""}${(each[2] ?? "").replaceAll("{{member}}", memberPath(op.id)).replaceAll("{{name}}", camelName(op.id)).replaceAll("{{file}}", kebabName(op.id)).replaceAll("{{args}}", sdk.args(op))}`);
    }
  }
  return lines.join("\n").replaceAll("{{sdk}}", sdkPath).replaceAll("{{clientOptions}}", sdk.clientOptions);
}

/** gen-client's builds, by their command-line flags. */
const GEN_CLIENT_FLAGS: Partial<Record<SdkBuild, readonly string[]>> = { "gen-client": [], "gen-client-validate-off": ["--validate", "off"], "gen-client-zod-mini": ["--zod", "mini"] };

function generate(build: SdkBuild, github: Spec): void {
  const out = sdkDir(build);
  resetDir(out);
  let result;
  const extra = GEN_CLIENT_FLAGS[build];
  if (extra !== undefined) {
    result = spawnSync(NODE, [GEN_CLIENT_BIN, github.file, "--out", out, "-q", "--no-testing", ...extra], { cwd: ROOT, encoding: "utf8", timeout: 900_000 });
  } else {
    mkdirSync(CONFIG_DIR, { recursive: true });
    const config = join(CONFIG_DIR, `bundle-${build}.config.mjs`);
    writeFileSync(config, heyApiConfig(github.file, out, build === "hey-api-zod"));
    result = spawnSync(NODE, [peerModule("@hey-api/openapi-ts", "bin", "run.js"), "-f", config, "-s"], { cwd: CONFIG_DIR, encoding: "utf8", timeout: 900_000 });
  }
  if (result.status !== 0) throw new Error(`${build} failed on GitHub's spec: ${`${result.stdout}${result.stderr}`.slice(0, 400)}`);
}

interface EsbuildMetafile {
  outputs: Record<string, { bytes: number; entryPoint?: string; imports: { path: string; kind: string }[] }>;
}
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ metafile: EsbuildMetafile }>;
  version: string;
}

function sizes(files: readonly string[]): SizeFigures {
  let minBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    minBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { minBytes, gzipBytes };
}

async function bundle(esbuild: Esbuild, entry: string, outdir: string, splitting: boolean): Promise<{ initial: SizeFigures; total: SizeFigures; chunks: number }> {
  resetDir(outdir);
  const { metafile } = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    splitting,
    outdir,
    metafile: true,
    logLevel: "silent",
  });
  // Output paths in the metafile are relative to esbuild's working directory.
  const abs = (path: string): string => join(process.cwd(), path);
  const outputs = Object.entries(metafile.outputs).filter(([path]) => path.endsWith(".js"));
  const entryOut = outputs.find(([, o]) => o.entryPoint !== undefined)?.[0];
  if (entryOut === undefined) throw new Error(`esbuild wrote no entry for ${entry}`);
  const initial = new Set<string>();
  const visit = (path: string): void => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? []) if (imported.kind === "import-statement") visit(imported.path);
  };
  visit(entryOut);
  return { initial: sizes([...initial].map(abs)), total: sizes(outputs.map(([path]) => abs(path))), chunks: outputs.length };
}

export async function runBundle(github: Spec, log: (line: string) => void): Promise<BundleResult> {
  const esbuild = (await import(pathToFileURL(peerModule("esbuild", "lib", "main.js")).href)) as { default: Esbuild };
  const failures: string[] = [];
  const builds = [...new Set(BUNDLE_SDKS.map((s) => s.build))];
  const ready = new Set<SdkBuild>();
  for (const build of builds) {
    try {
      log(`bundle: generating the GitHub SDK with ${build}`);
      generate(build, github);
      ready.add(build);
    } catch (error) {
      failures.push((error as Error).message);
    }
  }
  const figures: BundleResult["figures"] = { one: {}, ten: {} };
  for (const [app, count] of Object.entries(BUNDLE_APPS) as [BundleApp, number][]) {
    for (const sdk of BUNDLE_SDKS) {
      if (!ready.has(sdk.build)) continue;
      const dir = join(BUNDLE_WORK, `${sdk.id}-${app}`);
      resetDir(dir);
      const entry = join(dir, "app.ts");
      writeFileSync(entry, renderApp(sdk, relative(dir, sdkDir(sdk.build)), BUNDLE_OPS.slice(0, count)));
      try {
        const one = await bundle(esbuild.default, entry, join(dir, "one-file"), false);
        const split = await bundle(esbuild.default, entry, join(dir, "split"), true);
        const f: BundleFigures = { oneFile: one.total, splitInitial: split.initial, splitTotal: split.total, chunks: split.chunks };
        figures[app][sdk.id] = f;
        log(`bundle ${app}/${sdk.id}: one file ${(f.oneFile.gzipBytes / 1000).toFixed(1)} KB gz; split initial ${(f.splitInitial.gzipBytes / 1000).toFixed(1)} KB, total ${(f.splitTotal.gzipBytes / 1000).toFixed(1)} KB gz (${f.chunks} files)`);
      } catch (error) {
        failures.push(`${app}/${sdk.id}: ${(error as Error).message.slice(0, 400)}`);
      }
    }
  }
  return {
    esbuild: esbuild.default.version,
    ops: BUNDLE_OPS.map((op) => op.id),
    sdks: BUNDLE_SDKS.map(({ id, label }) => ({ id, label })),
    figures,
    failures,
  };
}


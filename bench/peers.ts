/**
 * The peer generators, pinned to exact versions and installed into bench/.work/peers.
 *
 * - @hey-api/openapi-ts: latest 0.x when this bench was written.
 * - orval: its 8.38.0 asks for `@scalar/openapi-parser@^0.29.2`, whose newest release needs a
 *   `@scalar/openapi-validator` version the registry reachable here does not serve, so the parser is
 *   overridden to 0.29.8 (still inside orval's range).
 * - openapi-typescript 7.13.0 needs the classic TypeScript API, so TypeScript 5.9.3 sits beside it.
 * - zod is there so hey-api's output resolves the same major as gen-client's.
 * - openai (openai-node) is the streaming bench's peer: its own `Stream` over the same local server.
 * - esbuild bundles the bundle-size bench's apps.
 * - kubb is not benchmarked: it took more than 300 s on the GitHub spec on this kind of machine.
 */
import { join } from "node:path";
import { ensureInstalled, installedVersion } from "./install.ts";
import { PEERS_DIR } from "./paths.ts";

export const PEER_VERSIONS = {
  "@hey-api/openapi-ts": "0.99.0",
  orval: "8.38.0",
  "openapi-typescript": "7.13.0",
  typescript: "5.9.3",
  zod: "4.6.7",
  openai: "7.60.0",
  esbuild: "0.28.2",
} as const;

export const PEER_OVERRIDES = { "@scalar/openapi-parser": "0.29.8" } as const;

export const SKIPPED_PEERS = [{ name: "kubb", reason: "skipped: took more than 300 s to generate the GitHub SDK on this kind of machine" }];

export function installPeers(log: (line: string) => void): void {
  ensureInstalled({ dir: PEERS_DIR, name: "gen-client-bench-peers", dependencies: PEER_VERSIONS, overrides: PEER_OVERRIDES }, log);
}

export function peerModule(pkg: string, ...rest: string[]): string {
  return join(PEERS_DIR, "node_modules", pkg, ...rest);
}

export function peerVersion(pkg: string): string {
  return installedVersion(PEERS_DIR, pkg) ?? "not installed";
}

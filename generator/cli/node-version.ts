import { supportedNodeRange } from "../package-files.js";

/**
 * Whether `version` (e.g. `20.20.2`) satisfies `range`. Only the forms gen-client's `engines.node`
 * uses are read, `^X.Y.Z` and `>=X.Y.Z` joined by `||`: a semver library would be a dependency for
 * one comparison, and a test holds the range to these forms.
 */
export function satisfiesNodeRange(version: string, range: string): boolean {
  const [major = 0, minor = 0, patch = 0] = numbers(version);
  const at = [major, minor, patch];
  return range.split("||").some((part) => {
    const match = /^\s*(\^|>=)(\d+)\.(\d+)\.(\d+)\s*$/.exec(part);
    if (!match) throw new Error(`internal: engines.node has a form gen-client does not read: ${part.trim()}`);
    const floor = numbers(`${match[2]}.${match[3]}.${match[4]}`);
    return compare(at, floor) >= 0 && (match[1] === ">=" || at[0] === floor[0]);
  });
}

/** A warning for the Node running gen-client when it is older than the supported versions. */
export function unsupportedNodeWarning(version: string = process.versions.node): string | undefined {
  const range = supportedNodeRange();
  if (satisfiesNodeRange(version, range)) return undefined;
  return (
    `Node v${version} is not a supported version (${range}). The SDKs it generates need ky 2, which needs Node 22 or later: ` +
    "on this Node, `npm install ky zod` installs ky 1, and createClient() refuses to run. Upgrade Node, then `npm install ky@^2 zod@^4`."
  );
}

function numbers(version: string): number[] {
  return version.split(".").map((part) => Number.parseInt(part, 10) || 0);
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * OpenAPI 3.2's `$self`: the URI the document identifies itself by, and the base its relative
 * `$ref`s resolve against, rather than the place it was read from.
 * @see https://spec.openapis.org/oas/v3.2.0#relative-references-in-api-description-uris
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isUrl } from "./bundle.js";

/**
 * Rewrites the document's `$ref`s so that the bundler, which resolves them against the file (or
 * URL) the spec was read from, reaches what they mean against `$self`:
 *
 * - a `$ref` that resolves to `$self` itself (`https://x.test/api.yaml#/components/schemas/Pet`
 *   in the document whose `$self` is `https://x.test/api.yaml`) becomes the local `#/…` one;
 * - with an absolute `$self`, the copy being read stands for the document at that URI, so
 *   another document of the same origin is looked for at the same place relative to the copy
 *   (`https://x.test/common/error.yaml` beside `https://x.test/api.yaml` is `common/error.yaml`
 *   beside the local file);
 * - with a relative `$self`, the base is `$self` resolved against where the spec was read, and
 *   references are rewritten relative to that place.
 *
 * Any other `$ref` (another origin) is left as written, for the bundler's rules to judge. The
 * document is changed in place: it is the freshly parsed copy.
 */
export function resolveAgainstSelf(file: string, document: Record<string, unknown>): void {
  const self = document.$self;
  if (typeof self !== "string" || self === "" || self.includes("#")) return;
  const retrieval = isUrl(file) ? file : pathToFileURL(path.resolve(file)).href;
  const base = parsedUrl(self, retrieval);
  if (base === undefined) return;
  // The directory references are rewritten relative to: $self's for an absolute one (the copy
  // stands for it), else the one the spec was read from (the base is a real place beside it).
  const anchor = URL.canParse(self) ? base : new URL(retrieval);
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (node !== null && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (typeof record.$ref === "string" && !record.$ref.startsWith("#")) {
        const rebased = rebasedRef(record.$ref, base, anchor);
        if (rebased !== undefined) record.$ref = rebased;
      }
      stack.push(...Object.values(record));
    }
  }
}

function rebasedRef(ref: string, base: URL, anchor: URL): string | undefined {
  const target = parsedUrl(ref, base.href);
  if (target === undefined || target.origin !== anchor.origin || target.protocol !== anchor.protocol) return undefined;
  const hash = ref.indexOf("#");
  const fragment = hash === -1 ? "" : ref.slice(hash);
  if (withoutFragment(target) === withoutFragment(base)) return fragment === "" ? "#" : fragment;
  const from = anchor.pathname.slice(0, anchor.pathname.lastIndexOf("/") + 1);
  const relative = path.posix.relative(from, target.pathname) || ".";
  return `${relative}${target.search}${fragment}`;
}

function parsedUrl(reference: string, base: string): URL | undefined {
  return URL.canParse(reference, base) ? new URL(reference, base) : undefined;
}

function withoutFragment(url: URL): string {
  return url.href.replace(/#.*$/, "");
}

import { canonicalMethod, type OperationSpec } from "../operation.js";

/** One mocked operation and how to recognize its requests. */
export interface Route {
  /** The client method's name, e.g. `getPetById`. */
  readonly key: string;
  readonly operation: OperationSpec;
  /** The path template as a pattern over a URL's path: any prefix (the base URL's path), then the template. */
  readonly pattern: RegExp;
  /** The template's path parameter names, in the order of the pattern's groups. */
  readonly names: readonly string[];
  /** How many characters of the template are literal: the more, the more specific the route. */
  readonly literalLength: number;
}

export interface RouteMatch {
  readonly route: Route;
  /** Path parameter name → the raw (still percent-encoded) path segment text. */
  readonly pathValues: Readonly<Record<string, string>>;
}

const PLACEHOLDER = /\{([^}]+)\}/g;

export function buildRoutes(operations: Readonly<Record<string, OperationSpec>>): Route[] {
  return Object.entries(operations).map(([key, operation]) => {
    const names: string[] = [];
    let source = "";
    let literalLength = 0;
    let last = 0;
    for (const placeholder of operation.path.matchAll(PLACEHOLDER)) {
      const literal = operation.path.slice(last, placeholder.index);
      const name = placeholder[1] ?? "";
      source += escapeRegExp(literal) + placeholderPattern(operation, name);
      literalLength += literal.length;
      names.push(name);
      last = placeholder.index + placeholder[0].length;
    }
    const tail = operation.path.slice(last).replace(/\/+$/, "");
    source += escapeRegExp(tail);
    literalLength += tail.length;
    return { key, operation, pattern: new RegExp(`^(.*?)${source}/?$`), names, literalLength };
  });
}

/**
 * The route a request is for: the method must match, and the URL's path must end with the
 * template (after `basePath` when one is given). Among several, the most literal template wins
 * (`/pets/search` over `/pets/{petId}`), then the one that leaves the shortest prefix.
 */
export function matchRoute(routes: readonly Route[], method: string, pathname: string, basePath: string | undefined): RouteMatch | undefined {
  let best: { match: RouteMatch; prefix: number } | undefined;
  for (const route of routes) {
    if (route.operation.method !== canonicalMethod(method)) continue;
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    const prefix = found[1] ?? "";
    if (basePath !== undefined && prefix !== basePath) continue;
    const better =
      !best || route.literalLength > best.match.route.literalLength || (route.literalLength === best.match.route.literalLength && prefix.length < best.prefix);
    if (!better) continue;
    const pathValues: Record<string, string> = {};
    route.names.forEach((name, index) => (pathValues[name] = found[index + 2] ?? ""));
    best = { match: { route, pathValues }, prefix: prefix.length };
  }
  return best?.match;
}

/**
 * The route of a request sent to an operation's own server: the URL must start with one of its
 * server URLs (any value standing for a `{variable}`), and the rest must be its path.
 */
export function matchOwnServers(routes: readonly Route[], method: string, url: URL): RouteMatch | undefined {
  for (const route of routes) {
    for (const server of route.operation.servers ?? []) {
      const relative = !/^[a-z][a-z\d+.-]*:/i.test(server.url);
      const prefix = serverPattern(server.url.replace(/\/+$/, "")).exec(relative ? url.pathname : `${url.origin}${url.pathname}`);
      const match = prefix === null ? undefined : matchRoute([route], method, prefix[1] ?? "", "");
      if (match !== undefined) return match;
    }
  }
  return undefined;
}

/** A server URL template as a pattern capturing what follows it; a variable stands for any text up to the next `/`. */
function serverPattern(template: string): RegExp {
  const source = template
    .split(PLACEHOLDER)
    .map((part, index) => (index % 2 === 1 ? "[^/?#]*" : escapeRegExp(part)))
    .join("");
  return new RegExp(`^${source}(/.*)$`);
}

/** The cost of a wrong method: a right path with the wrong method is the likeliest slip. */
const WRONG_METHOD = 0.5;
/** The cost of a placeholder standing for a segment: a literal match says more. */
const PLACEHOLDER_MATCH = 0.25;

/**
 * The route a request that matches none was most likely meant for, for error messages: the
 * cheapest edit of the template into the end of the request's path (the start is the base
 * path), where a segment costs its share of changed characters, a placeholder a little, an added
 * or missing segment 1, and a wrong method a half.
 */
export function closestRoute(routes: readonly Route[], method: string, pathname: string): Route | undefined {
  const requested = segments(pathname);
  let best: { route: Route; distance: number } | undefined;
  for (const route of routes) {
    const template = segments(route.operation.path);
    const distance = suffixDistance(template, requested) + (route.operation.method === canonicalMethod(method) ? 0 : WRONG_METHOD);
    if (!best || distance < best.distance) best = { route, distance };
  }
  return best?.route;
}

function segments(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "");
}

/** Edit distance between a template and the best-fitting suffix of the requested segments. */
function suffixDistance(template: readonly string[], requested: readonly string[]): number {
  const substitution = (pattern: string, segment: string): number =>
    pattern.startsWith("{") ? PLACEHOLDER_MATCH : editDistance(pattern, segment) / Math.max(pattern.length, segment.length, 1);
  return alignmentCost(template, requested, substitution, true);
}

/**
 * Levenshtein distance with a substitution cost; with `freePrefix`, skipping leading items of
 * `to` costs nothing (semi-global alignment).
 */
function alignmentCost<T>(from: readonly T[], to: readonly T[], substitution: (a: T, b: T) => number, freePrefix: boolean): number {
  let previous = to.map((_, j) => (freePrefix ? 0 : j)).concat(freePrefix ? 0 : to.length);
  from.forEach((item, i) => {
    const current = [i + 1];
    to.forEach((other, j) => {
      current.push(Math.min((previous[j] ?? 0) + substitution(item, other), (previous[j + 1] ?? 0) + 1, (current[j] ?? 0) + 1));
    });
    previous = current;
  });
  return previous[to.length] ?? 0;
}

function editDistance(a: string, b: string): number {
  return alignmentCost([...a], [...b], (x, y) => (x === y ? 0 : 1), false);
}

/**
 * What a placeholder's value looks like in a path. Matrix values name themselves
 * (`;id=5;ids=3,4,5`), which is what lets several share one segment, as in `/items{id}{ids}`.
 */
function placeholderPattern(operation: OperationSpec, name: string): string {
  const param = operation.params.find((candidate) => candidate.in === "path" && candidate.name === name);
  if (param?.style !== "matrix") return "([^/]*)";
  const own = `;${escapeRegExp(encodeURIComponent(name))}(?:=[^/;]*)?`;
  // An exploded object's properties are named after its keys, so any `;key=value` may be one.
  return param.explode ? `((?:${own})+|(?:;[^/;]*)*)` : `(${own})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The grouped layout: each operation's resource on the client (`api.repos.get`). The rules
 * (documented in the README):
 * - where the resource comes from, first match wins: the config's `resources` entry for the
 *   operation; its first tag; an operationId prefix (`repos/get`, `repos.get`; `_` and `-` are
 *   word separators, not prefixes); the first static path segment after the prefix every path
 *   shares (`/api/v1`); else the client itself. `groupBy` moves one source to the front;
 * - a resource only the path suggests, holding one operation, is not made: `GET /ping` stays `api.ping()`;
 * - the method keeps the operation's name (`pets.listPets`), except that an operationId prefix
 *   naming the resource or one it is in is dropped (`repos/get` in `repos` → `repos.get`,
 *   `repos/list-hooks` in `repos.hooks` → `repos.hooks.listHooks`);
 * - resources take their names before methods at the same level; a name still taken gets the
 *   first free numeric suffix. `__proto__`, `then` and `constructor`, and `webhooks` on an API with
 *   webhooks, are never resource or method names;
 * - the name map pins each operation's resource and method, so regenerating never moves or
 *   renames one: only the config's `resources` entry (or deleting the name map) moves it.
 */
import type { Warning } from "../errors.js";
import type { ApiModel, Operation, Tag } from "../model/model.js";
import { camelCase, Namespace, NO_RECORDED_NAMES, type RecordedNames } from "../model/naming.js";
import { routeKey } from "../model/route.js";
import { tagPath } from "../model/tags.js";

/** Which source of resources is tried first; the others follow in the default order. */
export type GroupBy = "tags" | "operationId" | "path";

export interface ResourceOptions {
  /** @default "tags" */
  readonly groupBy?: GroupBy;
  /**
   * Resource per operation, by operationId (or operation name): `"repos"`, `"repos.hooks"`;
   * `null` or `""` for the client itself. Wins over the spec and the name map.
   */
  readonly resources?: Readonly<Record<string, string | null>>;
}

const SOURCE_ORDER: Readonly<Record<GroupBy, readonly GroupBy[]>> = {
  tags: ["tags", "operationId", "path"],
  operationId: ["operationId", "tags", "path"],
  path: ["path", "tags", "operationId"],
};

/** Never a resource or method: `__proto__` would set the prototype, `then` make the client thenable. */
const RESERVED_MEMBERS = ["__proto__", "then", "constructor"] as const;

/**
 * The resource path of an operation's tags: its first navigation tag (OpenAPI 3.2 `kind` unset or
 * `nav`; a `badge` or `audience` tag says nothing about where it belongs) with its ancestors, so
 * `hooks` whose parent is `repos` is `repos.hooks`.
 */
export function tagResourcePath(tags: readonly Tag[], operationTags: readonly string[]): string[] {
  const kinds = new Map(tags.map((tag) => [tag.name, tag.kind]));
  const chosen = operationTags.find((name) => [undefined, "nav"].includes(kinds.get(name))) ?? operationTags[0];
  if (chosen === undefined) return [];
  const path = tagPath(tags, chosen).map((name) => camelCase(name, ""));
  return path.includes("") ? [] : path;
}

/**
 * `repos/get` → `{ group: ["repos"], method: "get" }`. Nothing for an operationId without `/` or
 * `.`, nor for one with other separators than `-` and `_` in its parts: `get v1 items.json`, the
 * name derived for an operation without an id, has no prefix.
 */
export function operationIdPrefix(operationId: string): { readonly group: readonly string[]; readonly method: string } | undefined {
  if (!/^[\p{L}\p{N}_-]+(?:[/.][\p{L}\p{N}_-]+)+$/u.test(operationId)) return undefined;
  const parts = operationId.split(/[/.]/).map((part) => camelCase(part, ""));
  const method = parts.pop();
  if (method === undefined || method === "" || parts.length === 0 || parts.some((part) => part === "")) return undefined;
  return { group: parts, method };
}

interface Candidate {
  readonly path: readonly string[];
  readonly source: GroupBy | "override" | "root";
}

/** Puts every operation in its resource; the model is otherwise unchanged. */
export function groupOperations<Model extends Pick<ApiModel, "operations" | "tags" | "webhooks" | "warnings" | "layout">>(model: Model, options: ResourceOptions, recorded: RecordedNames = NO_RECORDED_NAMES): Model {
  const warnings: Warning[] = [];
  const overrides = overridesByOperation(model.operations, options.resources ?? {}, warnings);
  const pathGroup = pathGroups(model.operations);
  const order = SOURCE_ORDER[options.groupBy ?? "tags"];
  const derived = model.operations.map((operation): Candidate => {
    const override = overrides.get(operation);
    if (override !== undefined) return { path: override, source: "override" };
    for (const source of order) {
      const path = source === "tags" ? tagResourcePath(model.tags, operation.tags) : source === "operationId" ? (operationIdPrefix(operation.operationId)?.group ?? []) : pathGroup(operation);
      if (path.length > 0) return { path, source };
    }
    return { path: [], source: "root" };
  });
  const candidates = withoutLonePathGroups(derived);
  const pinned = recorded.layout === "grouped" ? recorded : NO_RECORDED_NAMES;
  const levels = new Levels(model.webhooks.length > 0);
  // Resource paths by candidate (`repos.hooks` → its final path, `repos2.hooks` after a clash), first from the name map.
  const finals = new Map<string, readonly string[]>([["", []]]);
  const placed = model.operations.map((operation, i) => {
    const route = routeKey(operation.method, operation.path);
    const recordedPath = pinned.resources.get(route);
    const candidate = candidates[i] ?? { path: [], source: "root" };
    const final = recordedPath === undefined || recordedPath === "" ? [] : recordedPath.split(".");
    // A pin gives way to the config, and to `api.webhooks` when the API has gained webhooks.
    if (candidate.source === "override" || recordedPath === undefined || levels.isReserved(final)) return { operation, route, candidate, final: undefined };
    final.forEach((name, depth) => levels.at(final.slice(0, depth)).block(name));
    const member = pinned.members.get(route);
    if (member !== undefined) levels.at(final).reserve(route, member, [""]);
    if (!finals.has(key(candidate.path)) && isSuffixed(final, candidate.path)) finals.set(key(candidate.path), final);
    // And an operation whose candidate is the pinned resource's own name joins it.
    final.forEach((_, depth) => {
      const existing = final.slice(0, depth + 1);
      if (!finals.has(key(existing))) finals.set(key(existing), existing);
    });
    return { operation, route, candidate, final };
  });
  const resolve = (path: readonly string[]): readonly string[] => {
    const known = finals.get(key(path));
    if (known !== undefined) return known;
    const parent = resolve(path.slice(0, -1));
    const name = levels.at(parent).claim(`resource ${key(path)}`, path[path.length - 1] ?? "", [""]);
    const final = [...parent, name];
    finals.set(key(path), final);
    return final;
  };
  // Resources claim their names before any method, so a method never pushes a resource aside.
  const located = placed.map((entry) => ({ ...entry, final: entry.final ?? resolve(entry.candidate.path) }));
  const operations = located.map(({ operation, route, candidate, final }) => {
    const prefix = operationIdPrefix(operation.operationId);
    // The candidate's path, or a pinned one: a retagged `repos/get` pinned in `repos` stays `repos.get`.
    const dropsPrefix = prefix !== undefined && (startsWith(candidate.path, prefix.group) || startsWith(final, prefix.group));
    const member = levels.at(final).claim(route, dropsPrefix ? prefix.method : operation.name, [""]);
    return { ...operation, resource: final, member };
  });
  return { ...model, operations, layout: "grouped", warnings: [...model.warnings, ...warnings] };
}

/** Whether `final` is what claiming `candidate` could have given: each name itself or numbered (`pets2`). */
function isSuffixed(final: readonly string[], candidate: readonly string[]): boolean {
  return final.length === candidate.length && final.every((name, i) => {
    const base = candidate[i] ?? "";
    return name === base || (name.startsWith(base) && /^[1-9]\d*$/.test(name.slice(base.length)));
  });
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return path.length >= prefix.length && prefix.every((name, depth) => path[depth] === name);
}

function key(path: readonly string[]): string {
  return path.join(".");
}

/** One namespace per resource (and one for the client itself), shared by its resources and methods. */
class Levels {
  readonly #levels = new Map<string, Namespace>();
  readonly #webhooks: boolean;

  constructor(webhooks: boolean) {
    this.#webhooks = webhooks;
  }

  /** Whether a resource path names something no resource may be. */
  isReserved(path: readonly string[]): boolean {
    return path.some((name, depth) => (RESERVED_MEMBERS as readonly string[]).includes(name) || (depth === 0 && this.#webhooks && name === "webhooks"));
  }

  at(path: readonly string[]): Namespace {
    const existing = this.#levels.get(key(path));
    if (existing !== undefined) return existing;
    const level = new Namespace();
    for (const name of RESERVED_MEMBERS) level.block(name);
    // `api.webhooks` is the API's webhooks (see emit/client.ts).
    if (path.length === 0 && this.#webhooks) level.block("webhooks");
    this.#levels.set(key(path), level);
    return level;
  }
}

/** The config's `resources` entries, each slugged to a path, by the operation they name. */
function overridesByOperation(operations: readonly Operation[], entries: Readonly<Record<string, string | null>>, warnings: Warning[]): Map<Operation, readonly string[]> {
  const used = new Set<string>();
  const result = new Map<Operation, readonly string[]>();
  for (const operation of operations) {
    const name = [operation.operationId, operation.name].find((candidate) => Object.hasOwn(entries, candidate));
    if (name === undefined) continue;
    used.add(name);
    const value = entries[name] ?? "";
    result.set(operation, value.split(".").map((segment) => camelCase(segment, "")).filter((segment) => segment !== ""));
  }
  for (const name of Object.keys(entries)) {
    if (!used.has(name)) warnings.push({ code: "ignored", message: `the resources option names ${JSON.stringify(name)}, which is no operation of this API`, pointer: "#/paths" });
  }
  return result;
}

/**
 * The first static path segment after the segments every path starts with (`/api/v1`), as long
 * as each path has a static segment left after them.
 */
function pathGroups(operations: readonly Operation[]): (operation: Operation) => string[] {
  const segments = (operation: Operation) => operation.path.split("/").filter((segment) => segment !== "");
  const all = operations.map(segments);
  const isStatic = (segment: string | undefined) => segment !== undefined && !segment.includes("{");
  let shared = 0;
  for (;;) {
    const first = all[0]?.[shared];
    if (!isStatic(first) || !all.every((path) => path[shared] === first && path.slice(shared + 1).some(isStatic))) break;
    shared++;
  }
  return (operation) => {
    const found = segments(operation).slice(shared).find(isStatic);
    const name = found === undefined ? "" : camelCase(found, "");
    return name === "" ? [] : [name];
  };
}

/** A resource only the path suggests, for a single operation, would be `api.ping.ping()`: it stays `api.ping()`. */
function withoutLonePathGroups(candidates: readonly Candidate[]): Candidate[] {
  const counts = new Map<string, number>();
  for (const { path } of candidates) counts.set(key(path), (counts.get(key(path)) ?? 0) + 1);
  return candidates.map((candidate) => (candidate.source === "path" && counts.get(key(candidate.path)) === 1 ? { path: [], source: "root" } : candidate));
}

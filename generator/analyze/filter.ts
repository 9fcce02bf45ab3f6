import path from "node:path";
import type { ApiModel, Operation } from "../model/model.js";

/** Operations named by tag or path. A path is matched exactly or as a glob: `/pets/**`, `/users/*`. */
export interface OperationSelector {
  readonly tags?: readonly string[];
  readonly paths?: readonly string[];
}

export interface OperationFilter {
  /** Only these operations are generated (all when absent). */
  readonly include?: OperationSelector;
  /** These operations are left out, even when included. */
  readonly exclude?: OperationSelector;
}

/**
 * Drops the operations the filter leaves out. Runs after naming, so a kept operation's names are
 * the same as without the filter. Every schema is kept, referenced or not: dropping schemas would
 * need the reachability of discriminator mappings and writable views redone, and extra types cost
 * the SDK user nothing.
 */
export function filterOperations<Model extends Pick<ApiModel, "operations">>(model: Model, filter: OperationFilter): Model {
  const { include, exclude } = filter;
  const operations = model.operations.filter((operation) => (include === undefined || selects(include, operation)) && !(exclude !== undefined && selects(exclude, operation)));
  return { ...model, operations };
}

function selects(selector: OperationSelector, operation: Operation): boolean {
  return (
    (selector.tags ?? []).some((tag) => operation.tags.includes(tag)) ||
    // Spec paths contain `{param}`, which glob syntax reads as braces: an exact match comes first.
    (selector.paths ?? []).some((pattern) => pattern === operation.path || path.posix.matchesGlob(operation.path, pattern))
  );
}

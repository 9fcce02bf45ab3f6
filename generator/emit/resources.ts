/**
 * The client's resources as a tree (see analyze/resources.ts): `api.repos.hooks` is the node at
 * `["repos", "hooks"]`. In the flat layout the tree is its root alone.
 */
import type { Operation } from "../model/model.js";
import { firstFree, pascalCase } from "../model/naming.js";

export type ResourceEntry = { readonly kind: "operation"; readonly operation: Operation } | { readonly kind: "resource"; readonly name: string; readonly node: ResourceNode };

export interface ResourceNode {
  readonly path: readonly string[];
  /** `Client` for the root, else the interface of the resource: `ReposHooksResource`. */
  readonly typeName: string;
  /** Methods and sub-resources, in the order of their first operation in the document. */
  readonly entries: readonly ResourceEntry[];
}

interface MutableNode {
  readonly path: readonly string[];
  typeName: string;
  readonly entries: ResourceEntry[];
  readonly children: Map<string, MutableNode>;
}

export function resourceTree(operations: readonly Operation[]): ResourceNode {
  const root: MutableNode = { path: [], typeName: "Client", entries: [], children: new Map() };
  const typeNames = new Set(["Client"]);
  for (const operation of operations) {
    let node = root;
    for (const name of operation.resource) {
      let child = node.children.get(name);
      if (child === undefined) {
        const path = [...node.path, name];
        child = { path, typeName: firstFree(`${pascalCase(path.join(" "))}Resource`, typeNames), entries: [], children: new Map() };
        node.children.set(name, child);
        node.entries.push({ kind: "resource", name, node: child });
      }
      node = child;
    }
    node.entries.push({ kind: "operation", operation });
  }
  return root;
}

/** Every resource below `node`, parents before children. */
export function resourcesBelow(node: ResourceNode): ResourceNode[] {
  return node.entries.flatMap((entry) => (entry.kind === "resource" ? [entry.node, ...resourcesBelow(entry.node)] : []));
}


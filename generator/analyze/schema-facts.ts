/**
 * Whole-graph facts about named schemas, computed once so emitters stay local: the schema index
 * and reference graph every pass reads (analysis builds the graph; emit and the surface reuse it),
 * the one way a reference is resolved, which schemas need a separate request-side view, which are
 * met in requests or responses, which take part in reference cycles, and the secret fields.
 */
import type { ApiModel, NamedSchema, Schema, SchemaDefinition } from "../model/model.js";
import { childSchemas, directRefs } from "../model/walk.js";

interface Node {
  readonly pointer: string;
  readonly schema: Schema;
}

/** Named schema pointer → the named schemas its schema references directly. */
export type ReferenceGraph = ReadonlyMap<string, readonly string[]>;

const graphs = new WeakMap<readonly Node[], ReferenceGraph>();

/** Built once per list of named schemas, like `schemaIndex`. */
export function referenceGraph(nodes: readonly Node[]): ReferenceGraph {
  let graph = graphs.get(nodes);
  if (graph === undefined) {
    graph = new Map(nodes.map((node) => [node.pointer, directRefs(node.schema)]));
    graphs.set(nodes, graph);
  }
  return graph;
}

const indexes = new WeakMap<readonly Node[], ReadonlyMap<string, Node>>();

/**
 * Named schemas by pointer. Built once per list of named schemas and kept: a model derived from
 * another (options applied, operations filtered) shares its schemas, and so its index.
 */
export function schemaIndex<Named extends Node>(schemas: readonly Named[]): ReadonlyMap<string, Named> {
  let index = indexes.get(schemas);
  if (index === undefined) {
    index = new Map(schemas.map((named) => [named.pointer, named]));
    indexes.set(schemas, index);
  }
  return index as ReadonlyMap<string, Named>;
}

/** Follows references to the schema itself (stopping at cycles): the one way every pass resolves a `ref`. */
export function resolveSchema(index: ReadonlyMap<string, Node>, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; current.kind === "ref" && hops < 32; hops++) {
    const named = index.get(current.target);
    if (named === undefined) throw new Error(`internal: no named schema at ${current.target}`);
    current = named.schema;
  }
  return current;
}

/**
 * The converted schemas with what the whole graph says of each: whether it needs a separate
 * request-side view, is met in requests only, or takes part in a cycle.
 */
export function withSchemaFacts(definitions: readonly SchemaDefinition[], uses: SchemaUses): NamedSchema[] {
  const graph = referenceGraph(definitions);
  const writable = schemasWithWritableView(definitions, graph);
  const recursive = recursiveSchemas(definitions, graph);
  const { requests, responses } = usedSchemas(graph, uses);
  const schemas = definitions.map((entry) => {
    const requestOnly = requests.has(entry.pointer) && !responses.has(entry.pointer);
    const responseOnly = responses.has(entry.pointer) && !requests.has(entry.pointer);
    // Schemas no operation uses get both views: nothing says which side they belong to.
    const hasWritableView = writable.has(entry.pointer) && !requestOnly && !responseOnly;
    return { ...entry, requestOnly, hasWritableView, recursive: recursive.has(entry.pointer) };
  });
  // Every later pass reads this list: it shares the graph rather than building it again.
  graphs.set(schemas, graph);
  return schemas;
}

/** What uses schemas: the operations and webhooks. */
export type SchemaUses = Pick<ApiModel, "operations" | "webhooks">;

/** Named schemas met in requests (parameters, bodies) and in responses (webhook payloads arrive as responses do: the SDK reads them). */
export function usedSchemas(graph: ReferenceGraph, { operations, webhooks }: SchemaUses): { readonly requests: ReadonlySet<string>; readonly responses: ReadonlySet<string> } {
  const requests = reachable(graph, operations.flatMap((op) => [...op.parameters.map((p) => p.schema), ...(op.body ? [op.body.schema] : [])]));
  const responses = reachable(graph, [
    ...operations.flatMap((op) => op.responses.flatMap((r) => [...(r.content ? [r.content.schema] : []), ...r.headers.map((h) => h.schema)])),
    ...webhooks.flatMap((webhook) => [webhook.payload, ...(webhook.headers ? [webhook.headers.schema] : [])]),
  ]);
  return { requests, responses };
}

/** Schemas that have, or reference one that has, parts that differ between requests and responses. */
function schemasWithWritableView(nodes: readonly Node[], refs: ReferenceGraph): Set<string> {
  const marked = new Set(nodes.filter((node) => hasAccessModifiers(node.schema)).map((node) => node.pointer));
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of nodes) {
      if (marked.has(node.pointer)) continue;
      if (refs.get(node.pointer)?.some((target) => marked.has(target))) {
        marked.add(node.pointer);
        changed = true;
      }
    }
  }
  return marked;
}

/** readOnly and writeOnly properties, and binary strings (a `Blob` in requests). */
function hasAccessModifiers(schema: Schema): boolean {
  if (schema.kind === "object" && schema.properties.some((p) => p.schema.readOnly === true || p.schema.writeOnly === true)) return true;
  if (schema.kind === "string" && schema.format === "binary") return true;
  return schema.kind !== "ref" && childSchemas(schema).some(hasAccessModifiers);
}

/** Named schemas reachable from `roots` through references. */
function reachable(refs: ReferenceGraph, roots: readonly Schema[]): Set<string> {
  const seen = new Set<string>();
  const stack = roots.flatMap(directRefs);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(refs.get(next) ?? []));
  }
  return seen;
}

/** Schemas in a reference cycle (Tarjan's strongly connected components, iteratively). */
function recursiveSchemas(nodes: readonly Node[], edges: ReferenceGraph): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const recursive = new Set<string>();
  let counter = 0;

  for (const { pointer: root } of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
          onStack.delete(member);
          component.push(member);
          if (member === frame.node) break;
        }
        const selfLoop = targets.includes(frame.node);
        if (component.length > 1 || selfLoop) for (const member of component) recursive.add(member);
      }
    }
  }
  return recursive;
}

/** `ApiModel.secretFields`: read from the operations the SDK keeps. */
export function secretPropertyNames(model: Pick<ApiModel, "schemas" | "operations">): string[] {
  const names = new Set<string>();
  const stack = [...model.schemas.map((named) => named.schema), ...model.operations.flatMap((operation) => (operation.body ? [operation.body.schema] : []))];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.kind === "object") for (const property of next.properties) if (isSecret(property.schema)) names.add(property.name);
    stack.push(...childSchemas(next));
  }
  return [...names].sort();
}

function isSecret(schema: Schema): boolean {
  if (schema.writeOnly === true || (schema.kind === "string" && schema.format === "password")) return true;
  return schema.kind === "union" && schema.variants.some(isSecret);
}

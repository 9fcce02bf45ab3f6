/**
 * Tag Objects, with OpenAPI 3.2's hierarchy: `summary`, `parent` (the name of the tag it is
 * nested under) and `kind` (`nav`, `badge`, `audience`, or any other the spec uses).
 * @see https://spec.openapis.org/oas/v3.2.0#tag-object
 */
import { appendPointer } from "../errors.js";
import { type BuildContext, isObject, type Json, stringOf } from "./context.js";
import type { Operation, Tag } from "../model/model.js";
import { ancestorsOf } from "../model/tags.js";
import { externalDocsOf } from "./operation.js";

/**
 * The document's `tags`, in document order, then the tags operations use without declaring them
 * (in order of first use), so every operation's tag is in the list. A `parent` that names no tag,
 * or that would close a cycle, is dropped with a warning naming its pointer.
 */
export function convertTags(ctx: BuildContext, raw: Json, operations: readonly Operation[]): Tag[] {
  const tags = new Map<string, Tag>();
  const parents = new Map<string, { readonly name: string; readonly pointer: string }>();
  (Array.isArray(raw) ? raw : []).forEach((entry: Json, index) => {
    const pointer = appendPointer("#", "tags", index);
    const name = isObject(entry) ? stringOf(entry.name) : undefined;
    if (!isObject(entry) || name === undefined) {
      ctx.warn("ignored", "a tag needs a `name`: ignored", pointer);
      return;
    }
    if (tags.has(name)) {
      ctx.warn("ignored", `tag ${name} is declared twice (tag names are unique): this one is ignored`, pointer);
      return;
    }
    const summary = stringOf(entry.summary);
    const description = stringOf(entry.description);
    const kind = stringOf(entry.kind);
    const externalDocs = externalDocsOf(entry.externalDocs);
    tags.set(name, {
      pointer,
      name,
      declared: true,
      ...(summary !== undefined && { summary }),
      ...(description !== undefined && { description }),
      ...(kind !== undefined && { kind }),
      ...(externalDocs !== undefined && { externalDocs }),
    });
    const parent = stringOf(entry.parent);
    if (parent !== undefined) parents.set(name, { name: parent, pointer: appendPointer(pointer, "parent") });
    else if (entry.parent !== undefined) ctx.warn("ignored", `tag ${name}'s parent is not a tag name: ignored`, appendPointer(pointer, "parent"));
  });
  for (const operation of operations) {
    for (const name of operation.tags) {
      if (!tags.has(name)) tags.set(name, { pointer: appendPointer(operation.pointer, "tags"), name, declared: false });
    }
  }
  // Parents are linked in document order; a link that would reach back to its own tag is the one
  // that closes a cycle, and is the one dropped.
  for (const [name, parent] of parents) {
    if (!tags.get(parent.name)?.declared) {
      ctx.warn("ignored", `tag ${name}'s parent ${parent.name} is not a declared tag: ${name} is kept as a top-level tag`, parent.pointer);
      continue;
    }
    const chain = ancestorsOf(tags, parent.name);
    if (chain.includes(name)) {
      const cycle = [name, ...chain.slice(0, chain.indexOf(name) + 1)].join(" → ");
      ctx.warn("ignored", `tag ${name}'s parent ${parent.name} makes a cycle (${cycle}): ${name} is kept as a top-level tag`, parent.pointer);
    } else {
      const tag = tags.get(name);
      if (tag) tags.set(name, { ...tag, parent: parent.name });
    }
  }
  return [...tags.values()];
}

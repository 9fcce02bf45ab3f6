import type { Tag } from "./model.js";

/** `[tag, its parent, its grandparent, …]`, following links already made. */
export function ancestorsOf(tags: ReadonlyMap<string, Tag>, name: string): string[] {
  const chain: string[] = [];
  for (let tag = tags.get(name); tag !== undefined; tag = tag.parent === undefined ? undefined : tags.get(tag.parent)) chain.push(tag.name);
  return chain;
}

/**
 * A tag's place in the hierarchy, from the top: `["repos", "hooks"]` for `hooks` whose parent is
 * `repos`; `["hooks"]` for a top-level tag; `[name]` for a name the model does not hold.
 */
export function tagPath(tags: readonly Tag[], name: string): string[] {
  return ancestorsOf(new Map(tags.map((tag) => [tag.name, tag])), name).reverse().concat(tags.some((tag) => tag.name === name) ? [] : [name]);
}


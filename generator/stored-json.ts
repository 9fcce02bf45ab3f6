/**
 * JSON for files gen-client keeps in an SDK folder and expects to be committed: the objects and
 * arrays `expand` picks (by depth below the root and their own key) get one entry per line,
 * anything else stays on its key's line, so a diff of the file shows one line per change.
 */
export function printStoredJson(value: unknown, expand: (depth: number, key: string) => boolean): string {
  return `${print(value, 0, "", expand, "")}\n`;
}

function print(value: unknown, depth: number, key: string, expand: (depth: number, key: string) => boolean, indent: string): string {
  if (Array.isArray(value) && value.length > 0 && expand(depth, key)) {
    const inner = `${indent}  `;
    return `[\n${value.map((item: unknown) => `${inner}${print(item, depth + 1, key, expand, inner)}`).join(",\n")}\n${indent}]`;
  }
  if (!isRecord(value) || !expand(depth, key)) return compact(value);
  const inner = `${indent}  `;
  // Object.keys, not for…in: the same keys in the same order, without a look at the prototype chain.
  const keys = Object.keys(value);
  if (keys.length === 0) return "{}";
  const entries = keys.map((each) => `${inner}${JSON.stringify(each)}: ${print(value[each], depth + 1, each, expand, inner)}`);
  return `{\n${entries.join(",\n")}\n${indent}}`;
}

function compact(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compact).join(", ")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? "{}" : `{ ${keys.map((each) => `${JSON.stringify(each)}: ${compact(value[each])}`).join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

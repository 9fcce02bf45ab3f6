/**
 * JSON for files gen-client keeps in an SDK folder and expects to be committed: the objects
 * `expand` picks (by their key path from the root) get one key per line, anything else stays on
 * its key's line, so a diff of the file shows one line per change.
 */
export function printStoredJson(value: unknown, expand: (path: readonly string[]) => boolean): string {
  return `${print(value, [], expand, "")}\n`;
}

function print(value: unknown, path: readonly string[], expand: (path: readonly string[]) => boolean, indent: string): string {
  if (!isRecord(value) || Object.keys(value).length === 0 || !expand(path)) return compact(value);
  const inner = `${indent}  `;
  const lines = Object.entries(value).map(([key, each]) => `${inner}${JSON.stringify(key)}: ${print(each, [...path, key], expand, inner)}`);
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

function compact(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compact).join(", ")}]`;
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([key, each]) => `${JSON.stringify(key)}: ${compact(each)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

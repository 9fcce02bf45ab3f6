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
  let text = "";
  for (const each in value) {
    if (!Object.hasOwn(value, each)) continue;
    text += `${text === "" ? "" : ",\n"}${inner}${JSON.stringify(each)}: ${print(value[each], depth + 1, each, expand, inner)}`;
  }
  return text === "" ? "{}" : `{\n${text}\n${indent}}`;
}

function compact(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compact).join(", ")}]`;
  if (isRecord(value)) {
    let text = "";
    for (const each in value) {
      if (Object.hasOwn(value, each)) text += `${text === "" ? "" : ", "}${JSON.stringify(each)}: ${compact(value[each])}`;
    }
    return text === "" ? "{}" : `{ ${text} }`;
  }
  return JSON.stringify(value) ?? "null";
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * `.gen-client-names.json`: the name every schema and operation was given, by a key that
 * survives spec edits (a schema's JSON pointer, an operation's `METHOD /path`). generate() reads
 * it back from the output folder and keeps those names (and environment names, by server URL), so an export is never renamed because
 * the next spec version adds something that sorts or claims before it.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { EmittedFile } from "./emit/emitted-file.js";
import { GenError } from "./errors.js";
import type { ApiModel } from "./model/model.js";
import type { RecordedNames } from "./model/naming.js";
import { routeKey } from "./model/route.js";
import { NAME_MAP_FILE, readStateFile, stateFile } from "./sdk-state.js";
import { isRecord } from "./stored-json.js";

const COMMENT =
  "The names gen-client gave this SDK's exports, by schema JSON pointer, operation route and server URL. Commit this file: the next generation keeps these names, so a new schema or operation never renames an existing export.";

const SECTIONS = ["schemas", "operations", "operationTypes", "resources", "members", "environments"] as const;

export function nameMapFile(model: ApiModel): EmittedFile {
  const routes = model.operations.map((operation) => ({ route: routeKey(operation.method, operation.path), operation }));
  const map = {
    // Pinned: regenerating keeps the layout unless the options name another.
    layout: model.layout,
    schemas: sorted(model.schemas.map(({ pointer, name }) => [pointer, name])),
    operations: sorted(routes.map(({ route, operation }) => [route, operation.name])),
    operationTypes: sorted(routes.map(({ route, operation }) => [route, operation.typeName])),
    ...(model.layout === "grouped" && {
      resources: sorted(routes.map(({ route, operation }) => [route, operation.resource.join(".")])),
      members: sorted(routes.map(({ route, operation }) => [route, operation.member])),
    }),
    environments: sorted(model.servers.map((server) => [server.url, server.name])),
  };
  return stateFile(NAME_MAP_FILE, COMMENT, map, (depth) => depth < 2);
}

/** The names recorded in `<outDir>/.gen-client-names.json`, or none when there is no such file yet. */
export async function readNameMap(outDir: string): Promise<RecordedNames | undefined> {
  const file = path.join(outDir, NAME_MAP_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new GenError("file-unreadable", `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`, { file });
  }
  return parseNameMap(text, file);
}

export function parseNameMap(text: string, file: string): RecordedNames {
  const value = readStateFile(text, (problem) => invalid(file, problem), "is not a name map");
  const { layout } = value;
  if (layout !== undefined && layout !== "grouped" && layout !== "flat") throw invalid(file, `has an unknown layout ${JSON.stringify(layout)}`);
  const [schemas, operations, operationTypes, resources, members, environments] = SECTIONS.map((section) => {
    const entries = value[section] ?? {};
    if (!isRecord(entries)) throw invalid(file, `has no object "${section}"`);
    return new Map(
      Object.entries(entries).map(([key, name]) => {
        // A resource path is empty for an operation on the client itself.
        if (typeof name !== "string" || (name === "" && section !== "resources")) throw invalid(file, `gives ${section} ${JSON.stringify(key)} no name`);
        return [key, name];
      }),
    );
  }) as [Map<string, string>, Map<string, string>, Map<string, string>, Map<string, string>, Map<string, string>, Map<string, string>];
  return { schemas, operations, operationTypes, resources, members, environments, ...(layout !== undefined && { layout }) };
}

function sorted(entries: readonly (readonly [string, string])[]): Record<string, string> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function invalid(file: string, problem: string): GenError {
  return new GenError("invalid-sdk-file", `${file} ${problem}; fix it or delete it (names are then chosen afresh)`, { file });
}

/** `.gen-client-surface.json`: the API surface stored beside the SDK, for `--check` to diff against. */
import type { EmittedFile } from "../emit/emitted-file.js";
import { GenError } from "../errors.js";
import { readStateFile, stateFile, SURFACE_FILE } from "../sdk-state.js";
import { isRecord } from "../stored-json.js";
import type { ApiSurface, OperationSurface, SchemaSurface } from "./model.js";

const COMMENT =
  "The API this SDK offers, as gen-client sees it: `gen-client --check` compares it with a fresh generation to say what changed for the SDK's users. Generated: commit it, do not edit it.";

export function surfaceFile(surface: ApiSurface): EmittedFile {
  return stateFile(SURFACE_FILE, COMMENT, surface, expandsInSurface);
}

/** A line per operation, type member and webhook, and per parameter, error and slot within them. */
function expandsInSurface(depth: number, key: string): boolean {
  return depth < 3 || (depth === 3 && (key === "params" || key === "errors" || key === "slots"));
}

/** Reads a stored surface; anything that is not one gen-client wrote is a one-line error. */
export function parseSurface(text: string, file: string): ApiSurface {
  const value = readStateFile(text, (problem) => invalid(file, problem), "is not an API surface gen-client wrote");
  if (typeof value.strict !== "boolean" || !isRecord(value.operations) || !isRecord(value.schemas)) {
    throw invalid(file, "is not an API surface gen-client wrote");
  }
  for (const [name, operation] of Object.entries(value.operations)) {
    if (!isOperation(operation)) throw invalid(file, `has an unreadable entry for operation ${JSON.stringify(name)}`);
  }
  for (const [name, schema] of Object.entries(value.schemas)) {
    if (!isSchema(schema)) throw invalid(file, `has an unreadable entry for type ${JSON.stringify(name)}`);
  }
  if (value.webhooks !== undefined && !(isRecord(value.webhooks) && Object.values(value.webhooks).every(isSlot))) {
    throw invalid(file, "has an unreadable webhooks entry");
  }
  if (value.environments !== undefined && !(Array.isArray(value.environments) && value.environments.every((name) => typeof name === "string"))) {
    throw invalid(file, "has an unreadable environments entry");
  }
  if (value.serverVariables !== undefined && !(isRecord(value.serverVariables) && Object.values(value.serverVariables).every(isSlot))) {
    throw invalid(file, "has an unreadable serverVariables entry");
  }
  return value as unknown as ApiSurface;
}

function isOperation(value: unknown): value is OperationSurface {
  return (
    isRecord(value) &&
    typeof value.route === "string" &&
    isRecord(value.params) &&
    Object.values(value.params).every(isSlot) &&
    (value.body === undefined || isSlot(value.body)) &&
    isSlot(value.result) &&
    isRecord(value.errors) &&
    Object.values(value.errors).every((type) => typeof type === "string") &&
    (value.pagination === undefined || typeof value.pagination === "string")
  );
}

function isSchema(value: unknown): value is SchemaSurface {
  return (
    isRecord(value) &&
    Array.isArray(value.sides) &&
    value.sides.every((side) => side === "request" || side === "response") &&
    isRecord(value.slots) &&
    Object.values(value.slots).every(isSlot)
  );
}

function isSlot(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.type === "string" &&
    (value.values === undefined || (Array.isArray(value.values) && value.values.every((v) => ["string", "number", "boolean"].includes(typeof v)))) &&
    (value.variants === undefined || (Array.isArray(value.variants) && value.variants.every((v) => typeof v === "string")))
  );
}

function invalid(file: string, problem: string): GenError {
  return new GenError("invalid-sdk-file", `${file} ${problem}; regenerate the SDK to replace it`, { file });
}

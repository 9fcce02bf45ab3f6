/**
 * Pagination: whether an operation's list spans pages, and how the SDK walks them, decided once.
 *
 * An explicit statement wins, in this order: the generator's `pagination` option, the spec's
 * `x-pagination` extension on the operation, Speakeasy's `x-speakeasy-pagination` (explicit.ts).
 * Otherwise GET operations are matched by heuristics over their query parameters, response fields
 * and response headers (detect.ts). Every decision carries one sentence saying why, for
 * `--explain-pagination`; list-like operations left unpaginated get one too.
 */
import type { Warning } from "../../errors.js";
import type { ApiModel, Operation, Pagination, Unpaginated } from "../../model/model.js";
import { clientPath, routeKey } from "../../model/route.js";
import { schemaIndex } from "../schema-facts.js";
import { ORIGIN_TEXT } from "./candidate.js";
import type { PaginationOption } from "./config.js";
import { detect } from "./detect.js";
import { explicitStatement, fromConfig } from "./explicit.js";
import { gatherFacts, type PaginationInput } from "./facts.js";

export interface PaginationDecision {
  readonly pagination: Pagination | Unpaginated | undefined;
  /** Problems with an explicit statement, located by JSON pointer. */
  readonly warnings: readonly { readonly message: string; readonly pointer: string }[];
}

/** The paginated operation's pagination, or undefined. */
export function paginationOf(operation: Operation): Pagination | undefined {
  const pagination = operation.pagination;
  return pagination && pagination.style !== "none" ? pagination : undefined;
}

/**
 * Decides each operation's pagination, once: the generator's option for the operation (by client
 * method name, operationId, or path on the grouped client such as `pets.listPets`) wins over the
 * spec. Reads response schemas through their references.
 */
export function decidePaginations(
  { operations, schemas }: Pick<ApiModel, "operations" | "schemas">,
  operationObjects: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
  options: Readonly<Record<string, PaginationOption>>,
): { readonly operations: Operation[]; readonly warnings: Warning[] } {
  const named = schemaIndex(schemas);
  const used = new Set<string>();
  const found: Warning[] = [];
  const decided = operations.map((operation) => {
    const key = [operation.name, operation.operationId, clientPath(operation)].find((candidate) => Object.hasOwn(options, candidate));
    if (key !== undefined) used.add(key);
    const option = key === undefined ? undefined : options[key];
    const raw = operationObjects.get(routeKey(operation.method, operation.path)) ?? {};
    const { pagination, warnings } = decidePagination({ operation, raw, ...(option !== undefined && { option }), schemas: named });
    for (const warning of warnings) found.push({ code: "ignored", ...warning });
    return pagination ? { ...operation, pagination } : operation;
  });
  for (const key of Object.keys(options)) {
    if (!used.has(key)) found.push({ code: "ignored", message: `the pagination option names ${JSON.stringify(key)}, which is no operation of this API`, pointer: "#/paths" });
  }
  return { operations: decided, warnings: found };
}

/** Decides one operation's pagination. Pure: reads only its input. */
export function decidePagination(input: PaginationInput): PaginationDecision {
  const warnings: { message: string; pointer: string }[] = [];
  const explicit = explicitStatement(input, warnings);
  const facts = gatherFacts(input);
  if (explicit) {
    if (explicit.config === false) return { pagination: { style: "none", origin: explicit.origin, reason: `turned off by ${ORIGIN_TEXT[explicit.origin]}` }, warnings };
    const result = fromConfig(explicit.config, facts, explicit.origin);
    if (typeof result === "string") {
      warnings.push({ message: `${explicit.origin === "options" ? "the pagination option" : explicit.origin} is ignored: ${result}`, pointer: explicit.pointer });
      return { pagination: { style: "none", origin: explicit.origin, reason: `${ORIGIN_TEXT[explicit.origin]} could not be applied: ${result}` }, warnings };
    }
    return { pagination: result, warnings };
  }
  return { pagination: detect(facts), warnings };
}

/** Reading the model's servers: their variables and default URLs. */
import type { ApiModel, Server, ServerVariable } from "./model.js";

/** A URL template's `{variable}`. */
export const PLACEHOLDER = /\{([^}]+)\}/g;

/**
 * Every server variable, across the environments and the operations' own servers, for the typed
 * `serverVariables` option: one entry per name, allowing every value some server allows (any
 * string when one server leaves it free), documented by its first description and default.
 */
export function declaredVariables(model: Pick<ApiModel, "servers" | "operations">): ServerVariable[] {
  const merged = new Map<string, ServerVariable>();
  const all = [...model.servers, ...model.operations.flatMap((operation) => operation.servers ?? [])].flatMap((server) => server.variables);
  for (const variable of all) {
    const known = merged.get(variable.name);
    if (known === undefined) {
      merged.set(variable.name, variable);
      continue;
    }
    const values = known.enum === undefined || variable.enum === undefined ? undefined : [...new Set([...known.enum, ...variable.enum])];
    const description = known.description ?? variable.description;
    merged.set(variable.name, { name: known.name, default: known.default, ...(values && { enum: values }), ...(description !== undefined && { description }) });
  }
  return [...merged.values()];
}

/** The server's URL with every variable at its default. */
export function defaultServerUrl(server: Server): string {
  return server.url.replace(PLACEHOLDER, (whole, name: string) => server.variables.find((variable) => variable.name === name)?.default ?? whole);
}

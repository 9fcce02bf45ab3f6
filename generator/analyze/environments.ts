/**
 * The config's `environments` applied: they replace the spec's top-level servers.
 */
import { GenError } from "../errors.js";
import type { ApiModel, Server } from "../model/model.js";
import { declaredVariables, PLACEHOLDER } from "../model/servers.js";

/**
 * The config's `environments`, which replace the spec's top-level servers: URLs by name, the first
 * the default. A URL may use the variables the spec's servers declare; any other `{placeholder}`
 * is an error.
 */
export function withConfiguredServers(model: ApiModel, environments: Readonly<Record<string, string>>): ApiModel {
  const declared = new Map(declaredVariables(model).map((variable) => [variable.name, variable]));
  const servers = Object.entries(environments).map(([name, url]): Server => {
    const variables = [...new Set([...url.matchAll(PLACEHOLDER)].map(([, variable = ""]) => variable))].map((variable) => {
      const found = declared.get(variable);
      if (found === undefined) {
        throw new GenError("invalid-options", `environments.${name}: {${variable}} is no server variable of ${model.source} (it declares ${[...declared.keys()].join(", ") || "none"})`);
      }
      return found;
    });
    return { url, name, variables };
  });
  return { ...model, servers };
}

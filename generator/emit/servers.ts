/**
 * Servers in the SDK: the `Environment` and `ServerVariables` types of `createClient`'s options,
 * and the server literals of the `api` spec (environments) and of operation specs (their own).
 */
import type { ServerSpec } from "../../runtime/operation.js";
import type { ApiModel, Server, ServerVariable } from "../model/model.js";
import { declaredVariables } from "../model/servers.js";
import { type Expr, array, object, str } from "./code/expressions.js";
import { jsdocLines } from "./code/literals.js";
import { valueLiteral, type Written } from "./code/value-literal.js";
import type { Statement } from "./code/module.js";
import { tsKeyword, tsRef, tsUnion, type TsMember, type TsType } from "./code/types.js";
import { specDocLines } from "./spec-text.js";

/** `Environment`: the union of environment names; `ServerVariables`: each variable, typed and documented. */
export function serverOptionTypes(model: ApiModel): Statement[] {
  const names = model.servers.map((server) => server.name);
  const variables = declaredVariables(model);
  return [
    {
      s: "type",
      name: "Environment",
      type: tsUnion(names.map((name): TsType => ({ t: "literal", value: name }))),
      doc: jsdocLines(
        names.length > 0
          ? `The servers \`createClient({ environment })\` chooses from; the default is ${JSON.stringify(names[0])}.`
          : "The spec names no servers: pass `baseUrl`.",
      ),
    },
    variables.length > 0
      ? { s: "interface", name: "ServerVariables", extends: [], members: variables.map(variableMember), doc: VARIABLES_DOC }
      : { s: "type", name: "ServerVariables", type: tsRef("Record", [tsKeyword("string"), tsKeyword("never")]), doc: VARIABLES_DOC },
  ];
}

const VARIABLES_DOC = jsdocLines("Values for the server URLs' `{variables}`; each one left out takes its default.");

function variableMember(variable: ServerVariable): TsMember {
  const type = variable.enum === undefined ? tsKeyword("string") : tsUnion(variable.enum.map((value): TsType => ({ t: "literal", value })));
  const doc = [...(variable.description !== undefined ? [...specDocLines(variable.description), ""] : []), ...jsdocLines(`@default ${JSON.stringify(variable.default)}`)];
  return { key: variable.name, optional: true, type, doc };
}

/** The `api` spec's `servers` and `serverVariables` (the allowed values of each, empty when free). */
export function apiServerFields(model: ApiModel): { key: string; value: Expr }[] {
  const variables = declaredVariables(model);
  return [
    ...(model.servers.length > 0 ? [{ key: "servers", value: serverList(model.servers) }] : []),
    ...(variables.length > 0
      ? [{ key: "serverVariables", value: object(variables.map((variable) => ({ key: variable.name, value: array((variable.enum ?? []).map((value) => str(value))) }))) }]
      : []),
  ];
}

/** The runtime's `ServerSpec`s: the URL, the name, each variable's default. */
export function serverSpecs(servers: readonly Server[]): Written<ServerSpec>[] {
  return servers.map((server) => ({
    url: server.url,
    name: server.name,
    variables: server.variables.length > 0 ? new Map(server.variables.map((variable) => [variable.name, variable.default])) : undefined,
  }));
}

/** Server literals, expanded. */
function serverList(servers: readonly Server[]): Expr {
  return valueLiteral(serverSpecs(servers), () => true);
}

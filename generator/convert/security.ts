/**
 * Security Scheme Objects and Security Requirement Objects.
 * @see https://spec.openapis.org/oas/v3.1.0#security-scheme-object
 */
import { appendPointer } from "../errors.js";
import { type BuildContext, isObject, type Json, stringOf } from "./context.js";
import type { SecurityScheme } from "../model/model.js";

export function convertSecuritySchemes(ctx: BuildContext, raw: Json, at: string): SecurityScheme[] {
  if (!isObject(raw)) return [];
  return Object.entries(raw).flatMap(([name, rawScheme]): SecurityScheme[] => {
    const { value, pointer } = ctx.deref(rawScheme, appendPointer(at, name));
    if (!isObject(value)) return [];
    const description = stringOf(value.description);
    const common = { key: name, ...(description !== undefined && { description }), ...(value.deprecated === true && { deprecated: true }) };
    switch (value.type) {
      case "http":
        return [{ ...common, type: "http", scheme: (stringOf(value.scheme) ?? "bearer").toLowerCase() }];
      case "apiKey": {
        const location = value.in;
        if ((location === "header" || location === "query" || location === "cookie") && typeof value.name === "string") {
          return [{ ...common, type: "apiKey", in: location, name: value.name }];
        }
        break;
      }
      case "oauth2": {
        const flows = isObject(value.flows) ? value.flows : {};
        const tokenUrl = isObject(flows.clientCredentials) ? stringOf(flows.clientCredentials.tokenUrl) : undefined;
        return [{ ...common, type: "oauth2", ...(tokenUrl !== undefined && { tokenUrl }) }];
      }
      case "openIdConnect":
        return [{ ...common, type: "openIdConnect" }];
    }
    ctx.warn("ignored", `security scheme ${name} is not supported: ignored`, pointer);
    return [];
  });
}

/** Requirement alternatives; an alternative naming an undeclared scheme is dropped with a warning. */
export function convertSecurity(
  ctx: BuildContext,
  raw: Json,
  at: string,
  schemes: readonly SecurityScheme[],
): ReadonlyMap<string, readonly string[]>[] {
  if (!Array.isArray(raw)) return [];
  const known = new Set(schemes.map((scheme) => scheme.key));
  return raw.flatMap((requirement, i) => {
    if (!isObject(requirement)) return [];
    const entries = Object.entries(requirement).map(([key, scopes]) => [schemeName(key, known), scopes] as const);
    const unknown = entries.map(([name]) => name).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      ctx.warn("ignored", `security requirement names undeclared scheme ${unknown.join(", ")}: ignored`, appendPointer(at, i));
      return [];
    }
    return [new Map(entries.map(([name, scopes]) => [name, Array.isArray(scopes) ? scopes.filter((s) => typeof s === "string") : []]))];
  });
}

/**
 * A requirement's key: a scheme's name, or (OpenAPI 3.2) a URI of one, which is read when it
 * points into this document's `components/securitySchemes` (`#/components/securitySchemes/oauth`).
 */
function schemeName(key: string, known: ReadonlySet<string>): string {
  if (known.has(key)) return key;
  const match = /#\/components\/securitySchemes\/([^/]+)$/.exec(key);
  return match?.[1] === undefined ? key : decodeURIComponent(match[1]).replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * The runtime parts beyond plain calls that a spec needs (runtime/features.ts): the `api` literal
 * of client.ts and core.ts passes them in, so that an SDK whose spec has no security schemes,
 * streams, form or multipart bodies or client-credentials flows, or whose dates stay strings,
 * bundles none of their code.
 */
import { id, type ObjectProperty } from "./code/expressions.js";
import type { Statement } from "./code/module.js";
import type { EmitContext } from "./context.js";
import { hasValidators } from "./load-validators.js";
import { declaredVariables } from "../model/servers.js";

/** The features the spec needs, as runtime/features.ts exports them, sorted. */
function featuresOf(ctx: EmitContext): string[] {
  const { model } = ctx;
  const bodies = model.operations.flatMap((operation) => (operation.body === undefined ? [] : [operation.body.stream !== undefined ? "stream" : operation.body.kind]));
  return [
    ...(model.securitySchemes.length > 0 ? ["applyAuth"] : []),
    ...(model.operations.some((operation) => operation.responses.some((response) => response.content?.stream !== undefined)) ? ["streams"] : []),
    // A form-encoded OpenAPI 3.2 query string is encoded as a form body is.
    ...(bodies.includes("form") || model.operations.some((operation) => operation.parameters.some((parameter) => parameter.in === "querystring" && !parameter.json)) ? ["formBody"] : []),
    ...(bodies.includes("multipart") ? ["multipartBody"] : []),
    ...(bodies.includes("stream") ? ["itemsBody"] : []),
    ...(model.securitySchemes.some((scheme) => scheme.type === "oauth2" && scheme.tokenUrl !== undefined) ? ["tokenSources"] : []),
    ...(ctx.options.dates === "date" ? ["reviveDates"] : []),
    ...(hasValidators(ctx) ? ["validation"] : []),
    ...(needsServerResolution(model) ? ["resolveBaseUrls"] : []),
  ].sort();
}

/**
 * Whether server URLs need more than runtime/base-url.ts, which uses them as written: variables
 * to fill in, or a relative URL to resolve against the page.
 */
function needsServerResolution(model: EmitContext["model"]): boolean {
  const servers = [...model.servers, ...model.operations.flatMap((operation) => operation.servers ?? [])];
  return declaredVariables(model).length > 0 || servers.some((server) => server.variables.length > 0 || !ABSOLUTE_URL.test(server.url));
}

/** A URL with a scheme, as runtime/servers.ts tells it from a relative one. */
const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:/i;

/** `import { … } from "./runtime/features.js"`, when the spec needs any. */
export function featuresImports(ctx: EmitContext): Statement[] {
  const features = featuresOf(ctx);
  return features.length > 0 ? [{ s: "import", from: ctx.runtimeModule("features.js"), names: features.map((name) => ({ name })) }] : [];
}

/** The `api` literal's `features: { … }`, when the spec needs any. */
export function featuresProperty(ctx: EmitContext): ObjectProperty[] {
  const features = featuresOf(ctx);
  return features.length > 0 ? [{ key: "features", value: { e: "object", properties: features.map((name) => ({ key: name, value: id(name) })), inline: true } }] : [];
}

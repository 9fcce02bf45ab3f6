/**
 * Server Objects → the servers a client may call: the API's environments (top-level `servers`, or
 * the config's `environments`) and the servers a path item or operation declares for itself.
 * @see https://spec.openapis.org/oas/v3.1.0#server-object
 */
import { appendPointer } from "../errors.js";
import { isUrl } from "../load/bundle.js";
import { type BuildContext, isObject, type Json, stringOf } from "./context.js";
import type { Server, ServerVariable } from "../model/model.js";
import { PLACEHOLDER } from "../model/servers.js";
import { camelCase, firstFree, splitWords } from "../model/naming.js";

/**
 * The servers of a `servers` array, each named (see `environmentNames`). A relative URL is
 * resolved against the document's URL when it was fetched from one, as OpenAPI says; from a file,
 * it stays relative, and the runtime resolves it against the page it runs in (see README).
 */
export function convertServers(ctx: BuildContext, raw: Json, pointer: string, recorded?: ReadonlyMap<string, string>): Server[] {
  if (!Array.isArray(raw)) return [];
  const located = raw.flatMap((each: Json, index) => {
    const at = appendPointer(pointer, index);
    const url = isObject(each) ? stringOf(each.url) : undefined;
    if (!isObject(each) || url === undefined || url.trim() === "") {
      ctx.warn("ignored", "a server without a url: ignored", at);
      return [];
    }
    const template = resolveAgainst(url.trim(), ctx.spec.file);
    return [{ raw: each, template, variables: convertVariables(ctx, template, each.variables, at) }];
  });
  const names = environmentNames(
    located.map(({ raw: each, template }) => ({ url: template, explicit: stringOf(each["x-environment"]) ?? stringOf(each["x-name"]) ?? stringOf(each.name), description: stringOf(each.description) })),
    recorded,
  );
  return located.map(({ raw: each, template, variables }, index) => {
    const description = stringOf(each.description);
    return { url: template, name: names[index] ?? `server${index + 1}`, variables, ...(description !== undefined && description.trim() !== "" && { description }) };
  });
}

function convertVariables(ctx: BuildContext, url: string, raw: Json, pointer: string): ServerVariable[] {
  const declared = isObject(raw) ? raw : {};
  const used = [...new Set([...url.matchAll(PLACEHOLDER)].map(([, name = ""]) => name))];
  return used.map((name): ServerVariable => {
    const at = appendPointer(pointer, "variables", name);
    const spec = declared[name];
    if (!isObject(spec)) {
      ctx.warn("ignored", `server variable ${name} is not declared: it defaults to "" (pass it in serverVariables)`, pointer);
      return { name, default: "" };
    }
    const values = Array.isArray(spec.enum) ? spec.enum.filter((value) => ["string", "number", "boolean"].includes(typeof value)).map(String) : [];
    const description = stringOf(spec.description);
    const documented = description !== undefined && description.trim() !== "" ? { description } : {};
    const given = ["string", "number", "boolean"].includes(typeof spec.default) ? String(spec.default as string | number | boolean) : undefined;
    const fallback = given ?? values[0] ?? "";
    if (given === undefined) ctx.warn("ignored", `server variable ${name} has no default: it defaults to ${JSON.stringify(fallback)}`, at);
    // An enum is a closed list: a default outside it is still a value the server takes.
    const allowed = values.length === 0 ? undefined : values.includes(fallback) ? values : [fallback, ...values];
    return { name, default: fallback, ...(allowed && { enum: allowed }), ...documented };
  });
}

/**
 * A relative server URL, resolved against the document's own URL. Placeholders are kept out of
 * the URL parser's way (it would percent-encode their braces).
 */
function resolveAgainst(url: string, documentLocation: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || !isUrl(documentLocation)) return url;
  const names: string[] = [];
  const masked = url.replace(PLACEHOLDER, (_whole, name: string) => `gen-client-variable-${names.push(name) - 1}-`);
  try {
    return new URL(masked, documentLocation).href.replace(/gen-client-variable-(\d+)-/g, (_whole, index: string) => `{${names[Number(index)] ?? ""}}`);
  } catch {
    return url;
  }
}

interface NameSource {
  readonly url: string;
  /** `x-environment`, `x-name`, or OpenAPI 3.2's `name`. */
  readonly explicit: string | undefined;
  readonly description: string | undefined;
}

/** Words that say nothing about which server it is: "Production server" is `production`. */
const FILLER_WORDS = new Set(["the", "a", "an", "server", "servers", "environment", "env", "api", "url", "endpoint", "base", "host", "this", "is", "for", "of"]);
/** Host labels that say nothing either: `api.sandbox.example.com` is `sandbox`. */
const GENERIC_LABELS = new Set(["api", "apis", "www", "rest", "gateway"]);
/** A description longer than this many distinctive words is prose, not a name. */
const MAX_NAME_WORDS = 3;

/**
 * Environment names, each unique, in document order: `x-environment` (or `x-name`, or OpenAPI 3.2's
 * `name`) as given; else
 * the one recorded for the same URL in the name map; else the description's distinctive words in
 * camelCase ("Production server" → `production`), when it has one to three; else the host's first
 * distinctive label (`api.sandbox.example.com` → `sandbox`). A name taken gets a number (`sandbox2`).
 */
export function environmentNames(servers: readonly NameSource[], recorded: ReadonlyMap<string, string> = new Map()): string[] {
  const taken = new Set<string>();
  const claim = (base: string): string => firstFree(base, taken);
  // Explicit names first, so a derived name never takes one the spec asked for.
  const explicit = servers.map((server) => (server.explicit !== undefined && server.explicit.trim() !== "" ? claim(server.explicit.trim()) : undefined));
  return servers.map((server, index) => explicit[index] ?? claim(recorded.get(server.url) ?? derivedName(server)));
}

function derivedName(server: NameSource): string {
  // "The provider's sandbox" is `providerSandbox`, not `providerSSandbox`.
  const firstClause = server.description?.split(/[.;:,(\n]/)[0]?.replace(/['’]s\b/gu, "") ?? "";
  const words = splitWords(firstClause).filter((word) => !FILLER_WORDS.has(word.toLowerCase()));
  if (words.length > 0 && words.length <= MAX_NAME_WORDS) return camelCase(words.join(" "), "server");
  return camelCase(hostLabel(server.url), "server");
}

function hostLabel(url: string): string {
  const host = /^[a-z][a-z\d+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1]?.replace(/^[^@]*@/, "").replace(/:[^:]*$/, "");
  if (host === undefined || host === "") return "default";
  if (/^[\d.]+$|^\[/.test(host)) return "server";
  const labels = host.split(".");
  const distinctive = labels.slice(0, Math.max(1, labels.length - 1)).find((label) => !GENERIC_LABELS.has(label.toLowerCase()) && !label.includes("{"));
  return distinctive ?? host;
}

/**
 * What really went over the wire: a `fetch` for the client's `fetch` option that passes every
 * request to globalThis.fetch (real traffic to Prism) and keeps a copy of it and of the response.
 * Then: did every argument the caller passed reach the request?
 */
import type { BuiltArg } from "./args.ts";

export interface RawRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  /** The body as text (multipart included), absent when there was none. */
  readonly body?: string;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface Exchange {
  readonly request: RawRequest;
  response?: RawResponse;
}

export function recordingFetch(exchanges: Exchange[]): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const copy = request.clone();
    const body = copy.body === null ? undefined : await copy.text();
    const exchange: Exchange = {
      request: { method: request.method, url: request.url, headers: Object.fromEntries(request.headers), ...(body !== undefined && { body }) },
    };
    exchanges.push(exchange);
    const response = await globalThis.fetch(request);
    exchange.response = { status: response.status, headers: Object.fromEntries(response.headers), body: await response.clone().text() };
    return response;
  };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return text;
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === "object" && value !== null && !(value instanceof Blob) && Object.keys(value).length === 0);
}

/** The names on the wire a parameter's value shows up under (form objects exploded: their keys). */
function wireNames(arg: BuiltArg): string[] {
  const param = arg.param!;
  const value = arg.value;
  // deepObject is defined for objects only; the SDK sends an array the way Stripe reads it, `expand[0]=…`.
  if (param.style === "deepObject" && typeof value === "object" && value !== null && param.json !== true) return [`${param.name}[`];
  if (typeof value === "object" && value !== null && !Array.isArray(value) && param.json !== true) {
    if (param.style === "form" && param.explode) return Object.keys(value);
  }
  return [param.name];
}

/** Arguments the caller passed that the request does not carry, each with a reason. */
export function missingArguments(args: readonly BuiltArg[], request: RawRequest, pathTemplate: string): string[] {
  const url = new URL(request.url);
  const query = decode(url.search.slice(1));
  const cookies = request.headers.cookie ?? "";
  const missing: string[] = [];
  for (const arg of args) {
    if (isEmpty(arg.value)) continue;
    if (arg.param === undefined) {
      if (request.body === undefined || request.body === "") missing.push("body: no request body was sent");
      continue;
    }
    const param = arg.param;
    if (param.in === "path") {
      if (!pathTemplate.includes(`{${param.name}}`)) continue;
      if (decode(url.pathname).includes(`{${param.name}}`)) missing.push(`path ${param.name}: the template was not filled`);
    } else if (param.in === "query") {
      const names = wireNames(arg);
      if (!names.some((name) => query.includes(`${name}=`) || query.split("&").includes(name) || (name.endsWith("[") && query.includes(name)))) missing.push(`query ${param.name}: not in ?${url.search.slice(1, 200)}`);
    } else if (param.in === "header") {
      if (request.headers[param.name.toLowerCase()] === undefined) missing.push(`header ${param.name}: not sent`);
    } else if (param.in === "cookie") {
      if (!wireNames(arg).some((name) => cookies.includes(`${name}=`))) missing.push(`cookie ${param.name}: not in "${cookies}"`);
    }
  }
  return missing;
}

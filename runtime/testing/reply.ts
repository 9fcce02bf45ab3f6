import { formatIssues } from "../errors/format-issues.js";
import type { OperationSpec } from "../operation.js";
import { isNullBodyStatus, isSuccess, selectResponseSpec } from "../response/select-spec.js";
import { check } from "../response/validate.js";
import { MockError } from "./mock-error.js";
import type { ReplyHeaders } from "./types.js";
import { invalidStream, STREAM_CONTENT_TYPES, streamBody } from "./stream-reply.js";

/** One answer, as data, checked against the operation's responses when it was made. */
export type Reply =
  | { readonly kind: "response"; readonly status: number; readonly body: unknown; readonly headers: ReplyHeaders | undefined }
  /** A status the spec does not declare, with an optional text body. */
  | { readonly kind: "undeclared"; readonly status: number; readonly body: string | undefined; readonly headers: ReplyHeaders | undefined }
  | { readonly kind: "network" };

/** `getPetById (GET /pets/{petId})`, how messages name an operation. */
export function describeOperation(operation: OperationSpec): string {
  return `${operation.id} (${operation.method} ${operation.path})`;
}

/** The status a success reply gets when none is given: the first declared 2xx, else 200. */
export function successStatus(operation: OperationSpec): number {
  const declared = Object.keys(operation.responses)
    .filter((key) => /^2\d\d$/.test(key))
    .sort();
  return declared[0] === undefined ? 200 : Number(declared[0]);
}

/**
 * A reply with a body for a declared response, or `MockError` when the spec does not allow it:
 * no response declared for the status, or a body that fails the response's schema or kind.
 * `where` names the call that made it, e.g. `mock.getPetById.returns()`.
 */
export function declaredReply(operation: OperationSpec, where: string, status: number, body: unknown, headers: ReplyHeaders | undefined): Reply {
  checkStatusRange(where, status);
  const spec = selectResponseSpec(operation.responses, status);
  if (spec === undefined) {
    const declared = Object.keys(operation.responses).join(", ") || "none";
    throw new MockError(`${where}: ${describeOperation(operation)} declares no ${status} response (declared: ${declared})`);
  }
  const invalid = (reason: string) => new MockError(`${where}: the body is not a valid ${status} response of ${describeOperation(operation)}: ${reason}`);
  switch (spec.kind) {
    case "json": {
      const checked = check(spec.schema, body);
      if (!checked.ok) throw invalid(formatIssues(checked.issues));
      break;
    }
    case "text":
      if (typeof body !== "string") throw invalid(`a text response needs a string, not ${typeof body}`);
      break;
    case "empty":
      if (body !== undefined) throw invalid("the response has no content, so the body must be undefined");
      break;
    case "binary":
      if (!isBinaryBody(body)) throw invalid("binary content must be a Blob, ArrayBuffer, typed array, ReadableStream or string");
      break;
    case "stream": {
      const reason = invalidStream(spec, body);
      if (reason !== undefined) throw invalid(reason);
      break;
    }
  }
  return { kind: "response", status, body, headers };
}

/** A failure status the spec does not declare (a proxy's 503); declared ones go through `returns`. */
export function undeclaredStatusReply(operation: OperationSpec, where: string, status: number, body: string | undefined, headers: ReplyHeaders | undefined): Reply {
  checkStatusRange(where, status);
  if (isSuccess(status)) throw new MockError(`${where}: ${status} is a success; answer it with returns()`);
  const range = `${Math.floor(status / 100)}XX`;
  if (operation.responses[String(status)] ?? operation.responses[range] ?? operation.responses[range.toLowerCase()]) {
    throw new MockError(`${where}: ${describeOperation(operation)} declares a ${status} response; answer it with returns(body, { status: ${status} }) so the body is checked`);
  }
  return { kind: "undeclared", status, body, headers };
}

/** The reply as a fetch `Response`; a network failure is the `TypeError` fetch itself rejects with. */
export function toResponse(operation: OperationSpec, reply: Reply): Response {
  if (reply.kind === "network") throw new TypeError("fetch failed", { cause: new Error(`network failure simulated by the mock of ${operation.id}`) });
  const headers = new Headers(reply.headers);
  if (isNullBodyStatus(reply.status) || reply.body === undefined) return new Response(null, { status: reply.status, headers });
  const spec = reply.kind === "undeclared" ? undefined : selectResponseSpec(operation.responses, reply.status);
  const kind = reply.kind === "undeclared" ? "text" : spec?.kind;
  if (spec?.kind === "stream") {
    if (!headers.has("content-type")) headers.set("content-type", STREAM_CONTENT_TYPES[spec.format ?? "jsonl"]);
    return new Response(streamBody(spec, reply.body), { status: reply.status, headers });
  }
  if (kind === "binary") {
    if (!headers.has("content-type")) headers.set("content-type", "application/octet-stream");
    return new Response(reply.body as BodyInit, { status: reply.status, headers });
  }
  if (kind === "json") {
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
  }
  if (!headers.has("content-type")) headers.set("content-type", "text/plain; charset=utf-8");
  return new Response(String(reply.body), { status: reply.status, headers });
}

function checkStatusRange(where: string, status: number): void {
  if (!Number.isInteger(status) || status < 200 || status > 599) throw new MockError(`${where}: ${status} is not an HTTP status a response can have (200–599)`);
}

function isBinaryBody(body: unknown): boolean {
  return body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body) || body instanceof ReadableStream || typeof body === "string";
}

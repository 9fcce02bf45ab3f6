import type { OperationSpec, ResponseSpec } from "../operation.js";

/** The declared response for a status: exact (`"404"`), then its range (`"4XX"`), then `"default"`. */
export function selectResponseSpec(responses: OperationSpec["responses"], status: number): ResponseSpec | undefined {
  // Called on every response: the range's key is only built when the exact status is not declared.
  const exact = responses[status];
  if (exact !== undefined) return exact;
  const range = `${Math.floor(status / 100)}XX`;
  return responses[range] ?? responses[range.toLowerCase()] ?? responses["default"];
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Statuses whose responses never have a body (RFC 9110); a Response cannot even be built with one. */
export function isNullBodyStatus(status: number): boolean {
  return status === 101 || status === 103 || status === 204 || status === 205 || status === 304;
}

import type { OperationSpec, SecurityRequirement } from "../operation.js";

/**
 * The security alternative to apply: the first whose schemes all have credentials. An operation
 * without security needs nothing (`{}`); an empty alternative allows anonymous calls. `undefined`
 * when no alternative can be met: the call then goes out without credentials and the server decides.
 */
export function selectRequirement(
  security: OperationSpec["security"],
  hasCredential: (scheme: string) => boolean,
): SecurityRequirement | undefined {
  if (security === undefined || security.length === 0) return {};
  return security.find((requirement) => Object.keys(requirement).every(hasCredential));
}

import { customIssue } from "../errors/format-issues.js";
import { RequestValidationError } from "../errors/request-validation-error.js";
import type { OperationSpec } from "../operation.js";
import { argKey, paramValue, type Args } from "./args.js";
import { encodeComponent } from "./encode.js";
import { pathValue } from "./style.js";

/**
 * Substitutes `{name}` placeholders with percent-encoded values (`/` becomes `%2F`, so a value
 * never adds path segments). A missing path parameter throws rather than calling a wrong URL.
 */
export function expandPath(operation: OperationSpec, args: Args): string {
  if (!operation.path.includes("{")) return operation.path;
  return operation.path.replace(/\{([^}]+)\}/g, (placeholder, name: string) => {
    const param = operation.params.find((candidate) => candidate.in === "path" && candidate.name === name);
    if (!param) return placeholder;
    const value = paramValue(param, args);
    if (value === undefined || value === null) {
      throw new RequestValidationError({
        operation: operation.id,
        method: operation.method,
        path: operation.path,
        issues: [customIssue([argKey(param)], `path parameter "${name}" is required`)],
      });
    }
    return pathValue(name, value, param.style, param.explode, encodeComponent);
  });
}

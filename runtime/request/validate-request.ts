import type { ValidationIssue } from "../errors/format-issues.js";
import { RequestValidationError } from "../errors/request-validation-error.js";
import type { OperationSpec, LazyValidator } from "../operation.js";
import { check } from "../response/validate.js";
import { argKey, type Args } from "./args.js";

/**
 * Checks the body and each given parameter against their schemas (with `validateRequests`),
 * throwing before anything is sent. What is sent is still the caller's value, not zod's output.
 */
export function validateRequest(operation: OperationSpec, args: Args): void {
  const issues: ValidationIssue[] = [];
  const collect = (key: string, schema: LazyValidator | undefined, value: unknown, index?: number): void => {
    if (schema === undefined || value === undefined) return;
    const checked = check(schema, value);
    if (!checked.ok) issues.push(...checked.issues.map((issue) => ({ ...issue, path: [key, ...(index === undefined ? [] : [index]), ...issue.path] })));
  };
  for (const param of operation.params) collect(argKey(param), param.schema, args[argKey(param)]);
  const body = args["body"];
  // A stream's items are checked when they are in an array; other iterables are sent as they come.
  if (operation.body?.kind === "stream") {
    if (Array.isArray(body)) body.forEach((item: unknown, index) => collect("body", operation.body?.schema, item, index));
  } else if (operation.body) collect("body", operation.body.schema, body);
  if (issues.length > 0) throw new RequestValidationError({ operation: operation.id, method: operation.method, path: operation.path, issues });
}

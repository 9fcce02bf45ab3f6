import type { LazyOperationSpec, OperationSpec } from "./operation.js";

/** Specs built from their functions, shared by every client and mock of the process. */
const built = new WeakMap<() => OperationSpec, OperationSpec>();

/** The spec itself: a function's is built on first use, then kept. */
export function operationOf(operation: LazyOperationSpec): OperationSpec {
  if (typeof operation !== "function") return operation;
  let spec = built.get(operation);
  if (spec === undefined) {
    spec = operation();
    built.set(operation, spec);
  }
  return spec;
}

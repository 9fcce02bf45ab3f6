/**
 * One writer for the runtime's data (operation specs, security schemes): a value becomes the
 * object literal that rebuilds it, so an emitter states what the runtime gets, never how each field
 * is printed. `Written<T>` is the value the writer takes for a runtime type `T`: validators are
 * code, and every field of `T`, optional or not, must be stated (`undefined`: left out), so a field
 * added to the runtime's types is a type error until the emitter says what it is.
 */
import type { LazyValidator, PaginationSpec } from "../../../runtime/operation.js";
import { array, bool, inlineObject, nullExpr, num, object, str, type Expr } from "./expressions.js";

/** Code in a value: a leaf the writer prints as it is (a schema thunk, a function). */
export class Code {
  constructor(readonly expr: Expr) {}
}

/**
 * The runtime type `T` as the emitter states it. Pagination specs are plain data the model holds
 * in the runtime's own shape, so they are written as they are (see `runtimePagination`).
 */
export type Written<T> = T extends LazyValidator
  ? Code
  : T extends PaginationSpec
    ? T
    : T extends string | number | boolean
      ? T
      : T extends readonly (infer Item)[]
        ? readonly Written<Item>[]
        : T extends object
          ? string extends keyof T
            ? ReadonlyMap<string, Written<T[string & keyof T]>>
            : { readonly [K in keyof T]-?: undefined extends T[K] ? Written<Exclude<T[K], undefined>> | undefined : Written<T[K]> }
          : T;

/** Which objects are printed expanded (one property per line) rather than on one line when they fit: by their key path. */
export type Expanded = (path: readonly string[]) => boolean;

/**
 * The literal for a value (typed by its caller as a `Written<T>`): strings, numbers, booleans,
 * null, arrays, objects, `Code`, and maps (objects whose keys come from the spec, kept in insertion
 * order, where an object's own keys would put `"200"` before `"1XX"`). Properties whose value is
 * `undefined` are left out.
 */
export function valueLiteral(value: unknown, expanded: Expanded, path: readonly string[] = []): Expr {
  if (value === null) return nullExpr;
  if (typeof value === "string") return str(value);
  if (typeof value === "number") return num(value);
  if (typeof value === "boolean") return bool(value);
  if (value instanceof Code) return value.expr;
  if (Array.isArray(value)) return array(value.map((item: unknown, i) => valueLiteral(item, expanded, below(path, String(i), item))));
  if (typeof value !== "object") throw new Error(`internal: ${typeof value} at ${path.join(".")} has no literal`);
  const entries = value instanceof Map ? [...(value as ReadonlyMap<string, unknown>)] : Object.entries(value);
  const properties = entries.flatMap(([key, each]) => (each === undefined ? [] : [{ key, value: valueLiteral(each, expanded, below(path, key, each)) }]));
  return expanded(path) ? object(properties) : inlineObject(properties);
}

/** A child's key path; only objects and arrays read theirs, so a scalar's is not built. */
function below(path: readonly string[], key: string, child: unknown): readonly string[] {
  return child !== null && typeof child === "object" && !(child instanceof Code) ? [...path, key] : path;
}

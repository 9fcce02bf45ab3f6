/**
 * OpenAPI parameter styles, applied to one value.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#style-examples
 */
import type { ParamStyle } from "../operation.js";
import type { Encoder } from "./encode.js";
import { definedEntries, isPlainObject, scalarText } from "./values.js";

/** A value as styles see it: one scalar, a list, or key/value pairs. */
type Shape =
  | { readonly kind: "scalar"; readonly text: string }
  | { readonly kind: "list"; readonly items: readonly string[] }
  | { readonly kind: "pairs"; readonly pairs: readonly (readonly [string, string])[] };

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return { kind: "list", items: value.filter((item) => item !== undefined).map(scalarText) };
  if (isPlainObject(value)) return { kind: "pairs", pairs: definedEntries(value).map(([key, item]) => [key, scalarText(item)] as const) };
  return { kind: "scalar", text: scalarText(value) };
}

/** A name/value pair, each already encoded. */
export type Pair = readonly [name: string, value: string];

/**
 * The query-like styles (`form`, `spaceDelimited`, `pipeDelimited`, `deepObject`) as name/value
 * pairs: `tags=a&tags=b` (form, exploded), `tags=a,b` (form), `tags=a%20b`, `tags=a|b`,
 * `R=1&G=2` (form object, exploded), `color=R,1,G,2` (form object), `filter[age][gte]=3`.
 */
export function formPairs(name: string, value: unknown, style: ParamStyle, explode: boolean, encode: Encoder): Pair[] {
  if (style === "deepObject" && (isPlainObject(value) || Array.isArray(value))) return deepObjectPairs(encode(name), value, encode);
  const shape = shapeOf(value);
  const delimiter = style === "spaceDelimited" ? encode(" ") : style === "pipeDelimited" ? "|" : ",";
  switch (shape.kind) {
    case "scalar":
      return [[encode(name), encode(shape.text)]];
    case "list":
      return explode ? shape.items.map((item) => [encode(name), encode(item)]) : [[encode(name), shape.items.map(encode).join(delimiter)]];
    case "pairs":
      return explode
        ? shape.pairs.map(([key, item]) => [encode(key), encode(item)])
        : [[encode(name), shape.pairs.flat().map(encode).join(delimiter)]];
  }
}

/**
 * `deepObject`, nested to any depth: `filter[name]=x&filter[age][gte]=3`. OpenAPI leaves arrays
 * undefined here; they are written with indices, `filter[tags][0]=a&filter[tags][1]=b`, which
 * common query parsers (qs, Rails, PHP) read back as arrays.
 */
function deepObjectPairs(prefix: string, value: unknown, encode: Encoder): Pair[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => deepObjectPairs(`${prefix}[${index}]`, item, encode));
  if (isPlainObject(value)) return definedEntries(value).flatMap(([key, item]) => deepObjectPairs(`${prefix}[${encode(key)}]`, item, encode));
  return [[prefix, encode(scalarText(value))]];
}

/**
 * The path styles: `simple` (`blue`, `blue,black`, `R,1,G,2`, exploded `R=1,G=2`), `label`
 * (`.blue`, `.blue.black` exploded) and `matrix` (`;color=blue`, `;color=blue;color=black`
 * exploded, `;R=1;G=2`). Any other style is treated as `simple`.
 */
export function pathValue(name: string, value: unknown, style: ParamStyle, explode: boolean, encode: Encoder): string {
  const shape = shapeOf(value);
  if (style === "matrix") {
    const assign = (key: string, text: string): string => (text === "" ? `;${encode(key)}` : `;${encode(key)}=${text}`);
    switch (shape.kind) {
      case "scalar":
        return assign(name, encode(shape.text));
      case "list":
        return explode ? shape.items.map((item) => assign(name, encode(item))).join("") : assign(name, shape.items.map(encode).join(","));
      case "pairs":
        return explode ? shape.pairs.map(([key, item]) => assign(key, encode(item))).join("") : assign(name, shape.pairs.flat().map(encode).join(","));
    }
  }
  const [prefix, separator] = style === "label" ? [".", explode ? "." : ","] : ["", ","];
  switch (shape.kind) {
    case "scalar":
      return prefix + encode(shape.text);
    case "list":
      return prefix + shape.items.map(encode).join(separator);
    case "pairs":
      return (
        prefix +
        (explode ? shape.pairs.map(([key, item]) => `${encode(key)}=${encode(item)}`).join(separator) : shape.pairs.flat().map(encode).join(","))
      );
  }
}

/** Headers use `simple` style, unencoded: `a,b`, `R,1,G,2`, exploded `R=1,G=2`. */
export function headerValue(value: unknown, explode: boolean): string {
  const shape = shapeOf(value);
  switch (shape.kind) {
    case "scalar":
      return shape.text;
    case "list":
      return shape.items.join(",");
    case "pairs":
      return explode ? shape.pairs.map(([key, item]) => `${key}=${item}`).join(",") : shape.pairs.flat().join(",");
  }
}

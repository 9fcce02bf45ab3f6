/**
 * zod reads an object's properties with `value[key]`, which also finds inherited ones: a response
 * without a `constructor` field would fail a schema that declares one as an optional string,
 * because `{}.constructor` is `Object`. Generated validators of objects with such property names
 * parse a prototype-free copy, so only the object's own properties count.
 */
export function ownProperties(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.assign(Object.create(null) as object, value);
}

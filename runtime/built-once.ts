/** What an SDK makes on first use (inline validators, operation specs), kept for the process: every client and mock shares it. */
const made = new WeakMap<() => object, object>();

/** The value itself, or what its function makes: the function is called once, then its result is kept. */
export function builtOnce<T extends object>(value: T | (() => T)): T {
  if (typeof value !== "function") return value;
  const make = value as () => T;
  let result = made.get(make) as T | undefined;
  if (result === undefined) {
    result = make();
    made.set(make, result);
  }
  return result;
}

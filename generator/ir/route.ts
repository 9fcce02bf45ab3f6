import type { HttpMethod } from "./model.js";

/** A Path Item's key for a method: `get`. */
export type PathItemMethod = Lowercase<HttpMethod>;

/** The method as the model and the runtime spell it: `get` → `GET`. */
export function httpMethod(key: PathItemMethod): HttpMethod {
  return key.toUpperCase() as HttpMethod;
}

/** An operation's identity across spec versions and in messages: `GET /pets/{petId}`. */
export function routeKey(method: HttpMethod, path: string): string {
  return `${method} ${path}`;
}

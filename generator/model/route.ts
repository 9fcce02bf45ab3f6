import type { HttpMethod, Operation, StandardMethod } from "./model.js";

/** A Path Item's key for a method: `get`. */
export type PathItemMethod = Lowercase<StandardMethod>;

/** The method as the model and the runtime spell it: `get` → `GET`. */
export function httpMethod(key: PathItemMethod): StandardMethod {
  return key.toUpperCase() as StandardMethod;
}

/** An operation's identity across spec versions and in messages: `GET /pets/{petId}`, `PURGE /cache`. */
export function routeKey(method: HttpMethod, path: string): string {
  return `${method} ${path}`;
}

/** `repos.get` (`api.repos.get`), as code and messages name an operation; its name in the flat layout. */
export function clientPath(operation: Operation): string {
  return [...operation.resource, operation.member].join(".");
}

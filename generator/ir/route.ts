import type { HttpMethod } from "./model.js";

/** An operation's identity across spec versions and in messages: `GET /pets/{petId}`. */
export function routeKey(method: HttpMethod, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

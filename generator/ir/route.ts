import type { WireMethod } from "./model.js";

/** An operation's identity across spec versions and in messages: `GET /pets/{petId}`. */
export function routeKey(method: WireMethod, path: string): string {
  return `${method} ${path}`;
}

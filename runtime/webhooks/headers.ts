/**
 * A request's headers: a fetch `Headers`, or a plain record such as node:http's
 * `IncomingMessage.headers` (values may be arrays; names in any case).
 */
export type WebhookHeaders = Headers | { readonly [name: string]: string | readonly string[] | undefined };

/** One header's value, its name matched without regard to case; repeated values joined as `Headers.get` does. */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === "string" ? value : value.join(", ");
  }
  return undefined;
}

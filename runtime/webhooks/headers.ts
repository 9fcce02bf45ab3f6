/**
 * A request's headers: a fetch `Headers`, or a plain record such as node:http's
 * `IncomingMessage.headers` (values may be arrays; names in any case).
 */
export type WebhookHeaders = Headers | { readonly [name: string]: string | readonly string[] | undefined };

/** One header's value, its name matched without regard to case; repeated values joined as `Headers.get` does. */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  // Not `instanceof Headers`: a framework's Headers may come from another realm or polyfill.
  if (isHeaders(headers)) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === "string" ? value : value.join(", ");
  }
  return undefined;
}

function isHeaders(headers: WebhookHeaders): headers is Headers {
  return typeof (headers as { get?: unknown }).get === "function";
}

/** The media type without parameters, lower-cased: `Application/JSON; charset=utf-8` → `application/json`. */
export function essence(mediaType: string): string {
  return (mediaType.split(";", 1)[0] ?? "").trim().toLowerCase();
}

/** `application/json`, `application/problem+json`, `text/json`, … */
export function isJsonMediaType(mediaType: string): boolean {
  return /\/(?:[^/]*[.+-])?json$/.test(essence(mediaType));
}

/** A media range such as `image/*` cannot be sent as a Content-Type. */
export function isConcrete(mediaType: string): boolean {
  return mediaType !== "" && !essence(mediaType).includes("*");
}

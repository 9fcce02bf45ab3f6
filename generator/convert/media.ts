import type { MediaKind } from "../model/model.js";

/** How a media type travels: JSON, form, multipart, text, or opaque bytes. */
export function mediaKind(mediaType: string): MediaKind {
  const type = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json" || type.endsWith("+json") || type === "*/*" || /^application\/[\w.-]*json$/.test(type)) return "json";
  if (type === "application/x-www-form-urlencoded") return "form";
  if (type.startsWith("multipart/")) return "multipart";
  if (type.startsWith("text/") || type.endsWith("+xml") || ["application/xml", "application/yaml", "application/x-yaml", "application/javascript", "application/x-ndjson", "application/jsonl"].includes(type)) return "text";
  return "binary";
}

const PREFERENCE: readonly MediaKind[] = ["json", "form", "multipart", "text", "binary"];

/** Of the media types an operation offers, the one the SDK uses: JSON first, bytes last. */
export function preferredMediaType(mediaTypes: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestRank = Infinity;
  for (const mediaType of mediaTypes) {
    const rank = PREFERENCE.indexOf(mediaKind(mediaType)) + (mediaType === "*/*" ? 0.5 : 0);
    if (rank < bestRank) [best, bestRank] = [mediaType, rank];
  }
  return best;
}

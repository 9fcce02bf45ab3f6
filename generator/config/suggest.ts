import { distance } from "fastest-levenshtein";

/**
 * The candidate a mistyped `word` most likely meant, or undefined when none is close: at most
 * three edits, and fewer edits than half the longer word (commander's rule for unknown options,
 * so a config key and a CLI flag are corrected alike).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: { readonly candidate: string; readonly edits: number } | undefined;
  for (const candidate of candidates) {
    const edits = distance(word, candidate);
    const length = Math.max(word.length, candidate.length);
    if (edits > 3 || (length - edits) / length <= 0.4) continue;
    if (best === undefined || edits < best.edits) best = { candidate, edits };
  }
  return best?.candidate;
}

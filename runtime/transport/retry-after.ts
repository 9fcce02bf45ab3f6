/**
 * The rate-limit headers ky 2 reads when `Retry-After` is absent, in ky's order (the first present
 * one counts, even when it cannot be read). `timestamps`: a large number is an epoch time in
 * seconds, not a delay. They tell when a quota window resets rather than when to retry, so, like
 * ky, they are read only on the statuses that say a limit was hit.
 */
const RATE_LIMIT_HEADERS: readonly { readonly name: string; readonly timestamps: boolean }[] = [
  { name: "ratelimit-reset", timestamps: true },
  // Symfony-based services.
  { name: "x-ratelimit-retry-after", timestamps: false },
  // GitHub.
  { name: "x-ratelimit-reset", timestamps: true },
  // Twitter.
  { name: "x-rate-limit-reset", timestamps: true },
];

/** ky's `afterStatusCodes`: the statuses whose rate-limit headers are read. */
const RATE_LIMITED_STATUSES: readonly number[] = [413, 429, 503];

/**
 * ky's line between the two readings of a reset header: seconds that, read as an epoch time, fall
 * after 2024 are a timestamp; fewer are a delay (an older timestamp cannot be told from one).
 */
const TIMESTAMP_THRESHOLD_MS = Date.parse("2024-01-01T00:00:00Z");

/**
 * How long the server asked us to wait, in milliseconds, or `undefined` when it did not say (or
 * said it unreadably): `retry-after-ms` (sent by some APIs for sub-second precision), else
 * `Retry-After` in seconds or as an HTTP date, on any status; else, on 413, 429 and 503, the
 * rate-limit headers ky reads, as ky reads them.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 * @see https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/
 */
export function requestedDelayMs(status: number, headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = headers.get("retry-after-ms")?.trim();
  if (milliseconds && /^\d+(?:\.\d+)?$/.test(milliseconds)) return Number(milliseconds);
  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null) return delayOf(retryAfter.trim(), false, now);
  if (!RATE_LIMITED_STATUSES.includes(status)) return undefined;
  for (const { name, timestamps } of RATE_LIMIT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) return delayOf(value.trim(), timestamps, now);
  }
  return undefined;
}

/** Seconds (or, where `timestamps`, an epoch time in seconds), or an HTTP date. */
function delayOf(value: string, timestamps: boolean, now: number): number | undefined {
  if (/^\d+$/.test(value)) {
    const milliseconds = Number(value) * 1000;
    return timestamps && milliseconds >= TIMESTAMP_THRESHOLD_MS ? Math.max(0, milliseconds - now) : milliseconds;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Settles with `promise`, or rejects with the signal's reason as soon as it aborts. For work that
 * the abort cannot cancel: shared by several calls (a token refresh), or the caller's own function
 * (`headers()`, a credential), which takes no signal.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** setTimeout fires at once when given more than this. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Waits `milliseconds`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.min(milliseconds, LONGEST_TIMER_MS));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

import ky, { type BeforeErrorHook, type BeforeRequestHook, type Hooks as KyHooks } from "ky";
import type { Hooks } from "../options.js";

/** Thrown inside ky when a `beforeRetry` hook returns `ky.stop`: the call ends with the failure before. */
export class RetryStopped extends Error {
  override readonly name = "RetryStopped";
}

/** One attempt, as its hooks see it. */
export interface AttemptForHooks {
  /** 0 for the first attempt. */
  readonly retryCount: number;
  /** The failure this attempt retries; `undefined` for the first. */
  readonly retrying: Error | undefined;
  /** Whether a failure of this attempt will be retried (its `beforeError` hooks wait for the last). */
  readonly willRetry: (error: Error) => boolean;
}

/**
 * The client's hooks as ky's `hooks` option for one attempt; `undefined` when there are none, since
 * ky copies every list it is given.
 *
 * ky runs one attempt per call here (the retries are ours, so that ky need not clone every request
 * in case it fails), so the hooks are fitted to keep ky's meaning across attempts: `beforeRetry`
 * hooks run before each retry, after the `beforeRequest` hooks (which run before every attempt, so
 * what they set is on every retry too); `beforeError` hooks run once, on the error the call ends
 * with; and every hook but `beforeRequest` (whose count ky fixes at 0) is told the call's
 * `retryCount`.
 */
export function attemptHooks(hooks: Hooks, attempt: AttemptForHooks): KyHooks | undefined {
  const { beforeRequest = [], beforeRetry = [], afterResponse = [], beforeError = [] } = hooks;
  if (beforeRequest.length + beforeRetry.length + afterResponse.length + beforeError.length === 0) return undefined;
  const { retryCount, retrying } = attempt;
  /** Errors thrown by `beforeRetry` hooks: like ky, they skip the `beforeError` hooks. */
  let hookError: unknown;

  const runBeforeRetry =
    (error: Error): BeforeRequestHook =>
    async ({ request, options }) => {
      for (const hook of beforeRetry) {
        let result: Awaited<ReturnType<typeof hook>>;
        try {
          result = await hook({ request, options, error, retryCount });
        } catch (thrown) {
          hookError = thrown;
          throw thrown;
        }
        if (result === ky.stop) throw new RetryStopped("a beforeRetry hook stopped the retries");
        if (result instanceof Request || result instanceof Response) return result;
      }
      return undefined;
    };

  const runBeforeError: BeforeErrorHook = async (state) => {
    let error = state.error;
    if (error === hookError || error instanceof RetryStopped || attempt.willRetry(error)) return error;
    for (const hook of beforeError) {
      const result = await hook({ ...state, error, retryCount });
      if (result instanceof Error) error = result;
    }
    return error;
  };

  return {
    beforeRequest: retrying === undefined || beforeRetry.length === 0 ? [...beforeRequest] : [...beforeRequest, runBeforeRetry(retrying)],
    afterResponse: retryCount === 0 ? [...afterResponse] : afterResponse.map((hook) => (state) => hook({ ...state, retryCount })),
    beforeError: beforeError.length === 0 ? [] : [runBeforeError],
  };
}

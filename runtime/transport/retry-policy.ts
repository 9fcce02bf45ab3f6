import { canonicalMethod, type HttpMethod } from "../operation.js";
import type { RetryOptions } from "../options.js";
import { requestedDelayMs } from "./retry-after.js";

/** `RetryOptions` with every default filled in. */
export interface RetryPolicy {
  readonly limit: number;
  readonly methods: readonly HttpMethod[];
  readonly statusCodes: readonly number[];
  readonly baseDelay: number;
  readonly backoffLimit: number;
  readonly maxRetryAfter: number;
  readonly retryOnTimeout: boolean;
  readonly jitter: boolean;
}

export const DEFAULT_RETRY: RetryPolicy = {
  limit: 2,
  methods: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"],
  statusCodes: [408, 429, 500, 502, 503, 504],
  baseDelay: 300,
  backoffLimit: 10_000,
  maxRetryAfter: 60_000,
  retryOnTimeout: true,
  jitter: true,
};

/** Layers an option (a bare number is the limit) over a policy; fields left out keep the policy's. */
export function resolveRetry(option: number | RetryOptions | undefined, base: RetryPolicy): RetryPolicy {
  if (option === undefined) return base;
  const overrides: RetryOptions = typeof option === "number" ? { limit: option } : option;
  const policy: RetryPolicy = {
    limit: overrides.limit ?? base.limit,
    // Compared with the operation's method: a JavaScript caller may write "get".
    methods: overrides.methods?.map(canonicalMethod) ?? base.methods,
    statusCodes: overrides.statusCodes ?? base.statusCodes,
    baseDelay: overrides.baseDelay ?? base.baseDelay,
    backoffLimit: overrides.backoffLimit ?? base.backoffLimit,
    maxRetryAfter: overrides.maxRetryAfter ?? base.maxRetryAfter,
    retryOnTimeout: overrides.retryOnTimeout ?? base.retryOnTimeout,
    jitter: overrides.jitter ?? base.jitter,
  };
  if (!Number.isInteger(policy.limit) || policy.limit < 0) throw new RangeError(`retry.limit must be a non-negative integer, not ${policy.limit}`);
  return policy;
}

/** Why an attempt failed, as far as retrying it is concerned. */
export type AttemptFailure =
  | { readonly kind: "status"; readonly status: number; readonly headers: Headers }
  | { readonly kind: "timeout" }
  /** Refused, reset, or cut off in the middle of the response body. */
  | { readonly kind: "connection" }
  /** An `afterResponse` hook returned `ky.retry()`, possibly with its own delay. */
  | { readonly kind: "forced"; readonly delay: number | undefined };

/**
 * Whether a failed attempt is worth another, retries left aside. POST and PATCH are retried only
 * with an `Idempotency-Key` (or when `methods` lists them): the server may have applied the first.
 * A hook that forces a retry has decided for itself.
 */
export function isRetryable(policy: RetryPolicy, failure: AttemptFailure, method: HttpMethod, idempotent: boolean): boolean {
  if (failure.kind === "forced") return true;
  if (!policy.methods.includes(method) && !(idempotent && (method === "POST" || method === "PATCH"))) return false;
  switch (failure.kind) {
    case "status":
      return policy.statusCodes.includes(failure.status);
    case "timeout":
      return policy.retryOnTimeout;
    case "connection":
      return true;
  }
}

/**
 * The wait before retry number `retry` (1-based): a forcing hook's delay; else the server's (see
 * `requestedDelayMs`) capped at `maxRetryAfter`; else exponential backoff with full jitter
 * (uniform in `[0, min(backoffLimit, base · 2^(retry-1))]`).
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function retryDelay(policy: RetryPolicy, retry: number, failure: AttemptFailure): number {
  if (failure.kind === "forced" && failure.delay !== undefined) return failure.delay;
  const hinted = failure.kind === "status" ? requestedDelayMs(failure.status, failure.headers) : undefined;
  if (hinted !== undefined) return Math.min(hinted, policy.maxRetryAfter);
  const ceiling = Math.min(policy.backoffLimit, policy.baseDelay * 2 ** (retry - 1));
  return policy.jitter ? Math.random() * ceiling : ceiling;
}

import type { RetryOptions as KyRetryOptions } from "ky";
import type { HttpMethod } from "../operation.js";
import type { RetryOptions } from "../options.js";
import { retryAfterMs } from "./retry-after.js";

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
    methods: overrides.methods ?? base.methods,
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

/** What the retry timing needs to know about the attempt that just failed. */
export interface LastAttempt {
  /** The failed attempt's response headers; `undefined` after a timeout or connection failure. */
  readonly headers: Headers | undefined;
}

export interface RetryPlan {
  /** Whether the request carries an `Idempotency-Key`, which makes POST and PATCH retryable. */
  readonly idempotent: boolean;
  /** A streamed body cannot be replayed without buffering it whole. */
  readonly streaming: boolean;
  readonly lastAttempt: () => LastAttempt;
  /** Called with each wait chosen, so it can be logged. */
  readonly onDelay: (milliseconds: number) => void;
  /** Whether the error should be retried no matter what ky thinks (`undefined`: let ky decide). */
  readonly shouldRetry: (error: Error) => boolean | undefined;
}

/**
 * ky's retry options for one call. ky runs the loop (waiting, hooks, the per-attempt timeout);
 * the timing is ours, because ky ignores `retry-after-ms` and server hints on 500/502/504, so
 * `afterStatusCodes` is empty and `delay` decides every wait itself.
 */
export function kyRetryOptions(policy: RetryPolicy, plan: RetryPlan): KyRetryOptions {
  const lists = kyLists(policy);
  return {
    limit: plan.streaming ? 0 : policy.limit,
    methods: plan.idempotent ? lists.idempotentMethods : lists.methods,
    statusCodes: lists.statusCodes,
    afterStatusCodes: [],
    backoffLimit: Number.POSITIVE_INFINITY,
    retryOnTimeout: policy.retryOnTimeout,
    shouldRetry: ({ error }) => plan.shouldRetry(error),
    delay: (retry) => {
      const milliseconds = retryDelay(policy, retry, plan.lastAttempt());
      plan.onDelay(milliseconds);
      return milliseconds;
    },
  };
}

interface KyLists {
  readonly methods: string[];
  /** With POST and PATCH, for a request that carries an `Idempotency-Key`. */
  readonly idempotentMethods: string[];
  readonly statusCodes: number[];
}

/** A policy's lists as ky takes them, made once per policy (a client's calls share one) rather than per call; ky copies what it is given. */
const listsOfPolicy = new WeakMap<RetryPolicy, KyLists>();

function kyLists(policy: RetryPolicy): KyLists {
  let lists = listsOfPolicy.get(policy);
  if (lists === undefined) {
    const methods = [...new Set(policy.methods.map((method) => method.toLowerCase()))];
    lists = { methods, idempotentMethods: [...new Set([...methods, "post", "patch"])], statusCodes: [...policy.statusCodes] };
    listsOfPolicy.set(policy, lists);
  }
  return lists;
}

/**
 * The wait before retry number `retry` (1-based): the server's hint capped at `maxRetryAfter`,
 * else exponential backoff with full jitter (uniform in `[0, min(backoffLimit, base · 2^(retry-1))]`).
 *
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function retryDelay(policy: RetryPolicy, retry: number, lastAttempt: LastAttempt): number {
  const hinted = lastAttempt.headers ? retryAfterMs(lastAttempt.headers) : undefined;
  if (hinted !== undefined) return Math.min(hinted, policy.maxRetryAfter);
  const ceiling = Math.min(policy.backoffLimit, policy.baseDelay * 2 ** (retry - 1));
  return policy.jitter ? Math.random() * ceiling : ceiling;
}

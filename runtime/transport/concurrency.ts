/** Runs tasks with at most `max` at a time; the rest wait in arrival order. */
export interface Limiter {
  /** Waits for a slot (leaving the queue, rejected with its reason, if `signal` aborts), then runs `task`. */
  run<T>(task: () => Promise<T>, signal: AbortSignal | undefined): Promise<T>;
  /** Waits for a slot as `run` does, and holds it until the returned function (which does nothing after its first call) is called. */
  acquire(signal: AbortSignal | undefined): Promise<() => void>;
}

export function createLimiter(max: number): Limiter {
  if (max === Number.POSITIVE_INFINITY) return { run: (task) => task(), acquire: async () => () => undefined };
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxConcurrency must be a positive integer or Infinity, not ${max}`);

  let active = 0;
  const queue: (() => void)[] = [];

  const acquire = (signal: AbortSignal | undefined): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (active < max) {
      active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const index = queue.indexOf(grant);
        if (index !== -1) queue.splice(index, 1);
        reject(signal?.reason);
      };
      const grant = (): void => {
        signal?.removeEventListener("abort", onAbort);
        active++;
        resolve();
      };
      queue.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  };

  const release = (): void => {
    active--;
    queue.shift()?.();
  };

  return {
    async acquire(signal) {
      await acquire(signal);
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        release();
      };
    },
    async run(task, signal) {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}

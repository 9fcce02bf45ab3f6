/**
 * Runs `task` over `items` with at most `jobs` at a time, started in order; returns one promise per
 * item, so a caller can await them in order while later ones already run. Per-spec runs are mostly
 * Prism starting up (one CPU-bound process each): two at a time use the machine's two cores.
 */
export function inPool<T, R>(items: readonly T[], jobs: number, task: (item: T) => Promise<R>): Promise<R>[] {
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async (): Promise<void> => {
    if (running < jobs) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) running--;
    else next();
  };
  return items.map(async (item) => {
    await slot();
    try {
      return await task(item);
    } finally {
      release();
    }
  });
}

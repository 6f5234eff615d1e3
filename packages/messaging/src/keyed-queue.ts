/**
 * Runs tasks with at most `concurrency` at once, while tasks that share a key run one after another in the order
 * they were added (per-subject order with parallelism across subjects).
 */
export interface KeyedQueue {
  /** Resolves when the task has been started (waits while the queue is full), with the task's own promise. */
  add(key: string, task: () => Promise<void>): Promise<{ finished: Promise<void> }>;
  /** Settles when every task added so far has settled. */
  idle(): Promise<void>;
}

export function createKeyedQueue(concurrency: number): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  return {
    async add(key, task) {
      while (running.size >= concurrency) await Promise.race(running);
      const before = tails.get(key);
      const finished = (async () => {
        if (before) await before.catch(() => {});
        await task();
      })();
      const settled = finished.catch(() => {});
      running.add(settled);
      tails.set(key, settled);
      void settled.then(() => {
        running.delete(settled);
        if (tails.get(key) === settled) tails.delete(key);
      });
      return { finished };
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}

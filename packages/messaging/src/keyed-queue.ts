/**
 * Runs tasks with at most `concurrency` at once, while tasks that share a key run one after another in the order
 * they were added (per-aggregate order with parallelism across aggregates).
 */
export interface KeyedQueue {
  /** Resolves when the task has been started (waits while the queue is full), with the task's own promise. */
  add(key: string, task: () => Promise<void>): Promise<{ finished: Promise<void> }>;
  /** Settles when every task added so far has settled. */
  idle(): Promise<void>;
}

export function createKeyedQueue(concurrency: number): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  let running = 0;
  // Callers waiting for a free slot, first come first served (O(1) per task: this is on the relay's hot path).
  const slotWaiters: (() => void)[] = [];
  const idleWaiters: (() => void)[] = [];
  // A freed slot passes straight to the next waiter (never counted free in between, so never over-filled).
  const release = () => {
    const next = slotWaiters.shift();
    if (next) return next();
    running--;
    if (running === 0) for (const wake of idleWaiters.splice(0)) wake();
  };
  return {
    async add(key, task) {
      if (running >= concurrency) await new Promise<void>((resolve) => slotWaiters.push(resolve));
      else running++;
      const before = tails.get(key);
      const finished = before ? before.then(task) : task();
      const settled = finished.then(release, release);
      tails.set(key, settled);
      void settled.then(() => {
        if (tails.get(key) === settled) tails.delete(key);
      });
      return { finished };
    },
    idle() {
      if (running === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}

/** At most `size` holders at once; waiters are served first come, first served. */
export function createSemaphore(size: number): { acquire(): Promise<void>; release(): void } {
  let held = 0;
  const waiters: (() => void)[] = [];
  return {
    acquire() {
      if (held < size) {
        held++;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    release() {
      const next = waiters.shift();
      if (next) next();
      else held--;
    },
  };
}

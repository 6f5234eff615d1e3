/**
 * Runs work one at a time per key, in arrival order; different keys run side by side. The shop's commands queue
 * per stream in a process: fifty clicks on one cart then take turns instead of racing for its version (measured:
 * 6 of 50 parallel adds to one cart succeeded without it, 44 gave up after their retries).
 *
 * Taking turns is only an optimization (the append's expected version keeps it correct either way), so no one waits
 * longer than `maxWaitMs` for the work before it: a command stuck on a connection the database dropped mid-query
 * must not hold every later command of its stream hostage.
 */
export function createKeyedQueue(maxWaitMs = 10_000): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, work) => {
    const before = tails.get(key);
    const turn = before ? Promise.race([before, new Promise((resolve) => setTimeout(resolve, maxWaitMs).unref())]) : Promise.resolve();
    const result = turn.then(work, work);
    const tail = result.then(() => undefined, () => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}

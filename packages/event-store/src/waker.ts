/**
 * The wake/sleep pair of every loop that follows the log (the projection runner, subscriptions, senders): it sleeps
 * until a notification or a timeout, whichever comes first, and a wake-up that arrives while the loop is busy is
 * not lost — the next `sleep` returns at once.
 */
export interface Waker {
  /** Ends the current sleep, or the next one if none is running. */
  wake(): void;
  /** Resolves after `ms`, or at once when woken (since the last `take`) or stopped. */
  sleep(ms: number): Promise<void>;
  /** Whether a wake-up came since the last call, and forgets it: call before looking at the log. */
  take(): boolean;
  /** Ends every sleep now and makes later ones return at once. */
  stop(): void;
  readonly stopped: boolean;
}

export function createWaker(): Waker {
  let woken = false;
  let stopped = false;
  let waiter: (() => void) | undefined;
  return {
    wake() {
      woken = true;
      waiter?.();
    },
    sleep(ms) {
      return new Promise<void>((resolve) => {
        if (woken || stopped) return resolve();
        const timer = setTimeout(finish, ms);
        function finish() {
          clearTimeout(timer);
          waiter = undefined;
          resolve();
        }
        waiter = finish;
      });
    },
    take() {
      const was = woken;
      woken = false;
      return was;
    },
    stop() {
      stopped = true;
      waiter?.();
    },
    get stopped() {
      return stopped;
    },
  };
}

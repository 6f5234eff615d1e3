import { monitorEventLoopDelay } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { executeShopCommand } from "@chronicle/application";
import { compareCheckpoints, query, type Checkpoint, type EventStore } from "@chronicle/event-store";
import { cartsProjection } from "@chronicle/projections";

/**
 * Waits until the worker `leader` leads the carts projection and has applied everything committed so far, and
 * answers how long that took. The lag is measured from then on: a load started while the worker is still booting
 * (node, tsx, migrations, taking the leader locks: about 2 s here) queues every command of those seconds behind its
 * first batch, and that start-up would be the p99 of the whole run instead of the lag at the sustained rate.
 */
export async function waitForWorker(store: EventStore, leader: string, exited: Promise<unknown>, timeoutMs = 60_000): Promise<void> {
  const started = performance.now();
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`worker ${leader} exited before it was ready`);
    if (performance.now() - started > timeoutMs) throw new Error(`worker ${leader} not ready after ${timeoutMs} ms`);
    const head = await store.headCheckpoint();
    const [row] = await query<{ tx_id: string; position: string; leader: string | null }>(store.database.db,
      sql`select tx_id::text, position, leader from projection_checkpoints where name = ${cartsProjection.name}`);
    if (row?.leader === leader && compareCheckpoints(head, { txId: Number(row.tx_id), position: Number(row.position) }) <= 0) {
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * End-to-end lag at a sustained rate, once the worker is up (see `waitForWorker`): commands are started on a fixed
 * schedule (not one after another), and each one's delay is from its commit to the moment the carts read model's
 * checkpoint has passed it. The projection is applied by a worker running as a process of its own, as in production.
 */
export async function lagAtRate(
  store: EventStore,
  perSecond: number,
  seconds: number,
): Promise<{ p50: number; p99: number; max: number; achieved: number; loopDelayP99: number; loopDelayMax: number }> {
  // The load generator's own event-loop delay: a stall here inflates the measured lag without any lag in the worker.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const pending: { checkpoint: Checkpoint; committedAt: number }[] = [];
  const delays: number[] = [];
  let watching = true;
  const watcher = (async () => {
    while (watching || pending.length > 0) {
      const [row] = await query<{ tx_id: string; position: string }>(store.database.db,
        sql`select tx_id::text, position from projection_checkpoints where name = ${cartsProjection.name}`);
      if (row) {
        const at = { txId: Number(row.tx_id), position: Number(row.position) };
        const now = performance.now();
        for (let i = pending.length - 1; i >= 0; i--) {
          if (compareCheckpoints(pending[i]!.checkpoint, at) <= 0) {
            delays.push(now - pending[i]!.committedAt);
            pending.splice(i, 1);
          }
        }
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const total = perSecond * seconds;
  const errors: unknown[] = [];
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const userId = `lag-${i % 2500}`;
    const command = Math.floor(i / 2500) % 2 === 0
      ? { type: "AddProductToCart", data: { userId, productId: "103", quantity: 1 } }
      : { type: "RemoveProductFromCart", data: { userId, productId: "103" } };
    inFlight.push(executeShopCommand(store, command, { now: new Date().toISOString() }).then((result) => {
      if (result.checkpoint) pending.push({ checkpoint: result.checkpoint, committedAt: performance.now() });
    }, (error: unknown) => void errors.push(error)));
  }
  await Promise.all(inFlight);
  const achieved = total / ((performance.now() - started) / 1000);
  watching = false;
  if (errors.length > 0) pending.length = 0;
  await watcher;
  if (errors.length > 0) throw new Error(`${errors.length} of ${total} commands failed; the first: ${String(errors[0])}`);
  loopDelay.disable();
  return {
    p50: percentile(delays, 50),
    p99: percentile(delays, 99),
    max: percentile(delays, 100),
    achieved,
    loopDelayP99: loopDelay.percentile(99) / 1e6,
    loopDelayMax: loopDelay.max / 1e6,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

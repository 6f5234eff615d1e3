import { randomUUID } from "node:crypto";
import type { DrizzleDatabase } from "../db/database.ts";
import { EVENTS_CHANNEL } from "../notifier.ts";
import { revealEvents } from "../personal-data/protection.ts";
import { readAllPage, readFilteredPageWithHead } from "../read.ts";
import { compareCheckpoints } from "../checkpoint.ts";
import type { EventStore } from "../store.ts";
import { applyBatch, LostLeadership, type RetryPolicy } from "./apply-batch.ts";
import { advanceCheckpoint, ensureCheckpoint, heartbeat, loadCheckpoints, markFailed, type CheckpointRow } from "./checkpoints.ts";
import { backendId, resign, tryLead } from "./leadership.ts";
import { rebuildName, rebuildStep, startRebuild } from "./rebuild.ts";
import type { Projection } from "./types.ts";
import { createWaker } from "../waker.ts";

export interface ProjectionRunnerOptions {
  /** Shown in the status as the leader of what this runner applies. */
  instanceId?: string;
  batchSize?: number;
  /** Longest idle wait when no notification arrives. */
  pollIntervalMs?: number;
  retry?: RetryPolicy;
  /** How often a runner that leads nothing tries to take over a projection. */
  takeoverIntervalMs?: number;
  /**
   * A pause after a round that applied something, before the next (default 0). On a database of one connection
   * (PGlite) every round's reads and transactions hold the requests back; pausing lets them through, and the next
   * round takes what arrived meanwhile in one batch instead of one round per command.
   */
  restBetweenRoundsMs?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface ProjectionRunner {
  readonly instanceId: string;
  /** The projections this instance leads right now. */
  leading(): string[];
  /** Finishes the batch in hand, commits, releases its locks. */
  stop(): Promise<void>;
  /** Settles when the runner has stopped (after `stop()`). A lost database connection does not end it: it reconnects. */
  readonly done: Promise<void>;
  /** How often its database connection was lost (and then re-made): for logs and tests. */
  readonly connectionLosses: number;
}

/** A leader's sign of life; a status reader counts it gone after 10 s without one (admin.ts). */
const HEARTBEAT_EVERY_MS = 1000;
const SKIP_EVERY_MS = 1000;
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 10_000;
/** A connection that lasted this long before it was lost starts the reconnect pauses over. */
const RECONNECT_STABLE_MS = 30_000;

/**
 * Applies async projections: for each, one instance across all processes leads (advisory lock), reads the log after
 * its checkpoint in batches, and writes rows and checkpoint in one transaction. A batch that keeps failing halts
 * that projection at the failing event, with the error recorded; the other projections go on.
 */
export function startProjectionRunner(store: EventStore, projections: readonly Projection[], options: ProjectionRunnerOptions = {}): ProjectionRunner {
  const { database } = store;
  const instanceId = options.instanceId ?? `runner-${randomUUID().slice(0, 8)}`;
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const takeoverIntervalMs = options.takeoverIntervalMs ?? 1000;
  const restBetweenRoundsMs = options.restBetweenRoundsMs ?? 0;
  const retry = options.retry ?? { attempts: 3, baseDelayMs: 100 };
  const log = options.log ?? (() => {});
  const led = new Set<string>();
  const waker = createWaker();

  // When a filtered projection last moved its checkpoint over unrelated events (see below).
  const skippedAt = new Map<string, number>();

  /** One batch of one projection; `rows` are the checkpoint rows read at the start of this round. */
  const step = async (projection: Projection, rows: readonly CheckpointRow[]): Promise<boolean> => {
    const row = rows.find((r) => r.name === projection.name);
    if (!row) return false;
    let worked = false;
    if (row.rebuildRequestedAt) {
      await startRebuild(database, projection);
      log("rebuild started", { projection: projection.name });
      worked = true;
    }
    if (worked || rows.some((r) => r.name === rebuildName(projection.name))) {
      worked = (await rebuildStep(database, projection, batchSize * 4, retry)) || worked;
    }
    if (row.status === "failed") return worked;
    const { events: unread, head } = projection.streamTypes
      ? await readFilteredPageWithHead(database.db, row.checkpoint, batchSize, { streamTypes: [...projection.streamTypes] })
      : { events: await readAllPage(database.db, row.checkpoint, batchSize, undefined), head: undefined };
    const page = await revealEvents(database, database.db, unread);
    let checkpoint = row.checkpoint;
    if (page.length > 0) {
      const target = { database, projection, checkpointName: projection.name, table: (t: string) => t };
      const outcome = await applyBatch(target, row.checkpoint, page, retry);
      if (!outcome.ok) {
        await markFailed(database.db, projection.name, describe(outcome.error), outcome.failed);
        log("projection halted", { projection: projection.name, position: outcome.failed.position, error: describe(outcome.error) });
        return true;
      }
      checkpoint = outcome.checkpoint;
    }
    // Every matching event up to `head` was in this page: skip the unrelated ones after it for good, or each look
    // would scan them again (a projection of rare stream types would re-read the whole tail of the log). At most
    // once a second: a write per projection per appended event cost more than the rescans it saves (measured on
    // PGlite, where every statement shares one connection), and a second of tail is a cheap scan.
    const now = Date.now();
    if (head && page.length < batchSize && compareCheckpoints(head, checkpoint) > 0 && now - (skippedAt.get(projection.name) ?? 0) >= SKIP_EVERY_MS) {
      if (await advanceCheckpoint(database.db, projection.name, checkpoint, head, 0)) skippedAt.set(projection.name, now);
    }
    return page.length > 0 || worked;
  };

  const loop = async (connection: DrizzleDatabase): Promise<void> => {
    const unlisten = await database.listen(EVENTS_CHANNEL, waker.wake);
    // Session locks die with their connection, and the driver reconnects silently: a new backend means every
    // lock is gone, so the runner stops rather than go on believing it leads.
    const backend = await backendId(connection);
    let lastTakeover = 0;
    let lastHeartbeat = 0;
    let beating = -1;
    let connectionLost = false;
    try {
      while (!waker.stopped) {
        if ((await backendId(connection)) !== backend) {
          connectionLost = true;
          throw new Error(`${instanceId}: lost its lock connection`);
        }
        if (led.size < projections.length && Date.now() - lastTakeover >= takeoverIntervalMs) {
          lastTakeover = Date.now();
          for (const projection of projections) {
            if (led.has(projection.name) || !(await tryLead(connection, projection.name))) continue;
            await ensureCheckpoint(database.db, projection.name);
            led.add(projection.name);
            log("leading", { projection: projection.name, instance: instanceId });
          }
        }
        if (led.size !== beating || Date.now() - lastHeartbeat >= HEARTBEAT_EVERY_MS) {
          await heartbeat(database.db, [...led], instanceId);
          lastHeartbeat = Date.now();
          beating = led.size;
        }
        waker.take();
        let worked = false;
        // Every led projection's row and its rebuild's row, in one query per round.
        const rows = led.size ? await loadCheckpoints(database.db, [...led].flatMap((name) => [name, rebuildName(name)])) : [];
        for (const projection of projections) {
          if (waker.stopped) break;
          if (!led.has(projection.name)) continue;
          try {
            worked = (await step(projection, rows)) || worked;
          } catch (error) {
            if (!(error instanceof LostLeadership)) throw error;
            led.delete(projection.name);
            await resign(connection, projection.name);
            log("lost leadership", { projection: projection.name });
          }
        }
        if (!worked) await waker.sleep(led.size < projections.length ? Math.min(pollIntervalMs, takeoverIntervalMs) : pollIntervalMs);
        else if (restBetweenRoundsMs > 0 && !waker.stopped) await new Promise((resolve) => setTimeout(resolve, restBetweenRoundsMs));
      }
    } finally {
      await unlisten();
      // With the connection gone, so are its locks; asking it anything more may never be answered.
      if (!connectionLost) for (const name of led) await resign(connection, name).catch(() => {});
      led.clear();
    }
  };

  // A lost connection (a killed backend, a database restart) ends the loop with its locks gone: reconnect after a
  // pause that doubles while the database stays away, lead again whatever no other instance leads by then, and
  // catch up from the checkpoints, which only ever moved with the rows they cover.
  let connectionLosses = 0;
  const done = (async () => {
    let delay = RECONNECT_FIRST_MS;
    while (!waker.stopped) {
      const started = Date.now();
      try {
        await database.withDedicatedConnection(loop);
      } catch (error) {
        if (waker.stopped) break;
        connectionLosses++;
        if (Date.now() - started >= RECONNECT_STABLE_MS) delay = RECONNECT_FIRST_MS;
        log("lost its database connection; reconnecting", { instance: instanceId, error: describe(error), retryInMs: delay });
        waker.take();
        await waker.sleep(delay);
        delay = Math.min(delay * 2, RECONNECT_MAX_MS);
      }
    }
  })();
  done.catch(() => {});
  return {
    instanceId,
    leading: () => [...led],
    get connectionLosses() {
      return connectionLosses;
    },
    async stop() {
      waker.stop();
      await done.catch(() => {});
    },
    done,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

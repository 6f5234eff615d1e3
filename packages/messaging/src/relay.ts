import { randomUUID } from "node:crypto";
import {
  advanceCheckpoint,
  backendId,
  checkpointOf,
  createWaker,
  ensureCheckpoint,
  EVENTS_CHANNEL,
  heartbeat,
  loadCheckpoint,
  markFailed,
  projectionStatuses,
  resign,
  retryProjection,
  tryLead,
  type Checkpoint,
  type DrizzleDatabase,
  type EventStore,
  type StoredEvent,
} from "@chronicle/event-store";
import { describeError, MessagingError } from "./errors.ts";
import { createSemaphore } from "./keyed-queue.ts";
import type { IntegrationMessage, Log, Transport } from "./types.ts";
import { orderingKeyOf } from "./validate.ts";

export interface RelayOptions {
  /** `[a-z][a-z0-9_]*`; its checkpoint is the row `relay_<name>` of the projections' checkpoint table. */
  name: string;
  transport: Transport;
  /** The integration messages an event of the log becomes (none for most events). Must be deterministic. */
  toMessages(event: StoredEvent): IntegrationMessage[];
  instanceId?: string;
  /** Events read per batch; the checkpoint moves once per batch, after every message of it was acknowledged. */
  batchSize?: number;
  /** Publishes awaiting their ack at once (messages of one subject always go one after another). */
  maxInFlight?: number;
  pollIntervalMs?: number;
  takeoverIntervalMs?: number;
  log?: Log;
}

export interface Relay {
  readonly name: string;
  readonly instanceId: string;
  /** Where this instance last saw the checkpoint (every event up to it is published). */
  position(): Checkpoint;
  /** Events of the log after the checkpoint. */
  backlog(): Promise<number>;
  /** Whether this instance is the active relay of its name right now. */
  leading(): boolean;
  /** Messages this instance had acknowledged, and how many of them the broker already had (a repeat after a crash). */
  counts(): { published: number; duplicates: number };
  /** Lets the batch in hand finish or abandons it unadvanced, releases the lock. */
  stop(): Promise<void>;
  readonly done: Promise<void>;
}

export interface RelayStatus {
  name: string;
  state: "running" | "catching_up" | "failed" | "stopped";
  position: Checkpoint;
  /** Events after the checkpoint that could be published now. */
  backlog: number;
  leader: string | null;
  heartbeatAt: string | null;
  error: { message: string; eventId: string | null; position: number | null } | null;
}

const NAME = /^[a-z][a-z0-9_]{0,50}$/;
const HEARTBEAT_EVERY_MS = 1000;
const LOCK_CHECK_EVERY_MS = 1000;
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 10_000;
const PUBLISH_RETRY_FIRST_MS = 100;
const PUBLISH_RETRY_MAX_MS = 2000;

export function relayCheckpointName(name: string): string {
  if (!NAME.test(name)) throw new MessagingError("VALIDATION", `relay name must match ${NAME}, got ${JSON.stringify(name)}`);
  return `relay_${name}`;
}

/** A status row for the admin page, read from the database: any process can show it. */
export async function relayStatus(store: EventStore, name: string): Promise<RelayStatus> {
  const [status] = await projectionStatuses(store, [relayProjection(relayCheckpointName(name))]);
  return {
    name,
    state: status!.state === "rebuilding" ? "running" : status!.state,
    position: status!.checkpoint,
    backlog: status!.lag,
    leader: status!.leader,
    heartbeatAt: status!.heartbeatAt,
    error: status!.error ? { message: status!.error.message, eventId: status!.error.eventId, position: status!.error.position } : null,
  };
}

/** After a fix of a mapping that threw: the relay tries the failing event again. */
export async function retryRelay(store: EventStore, name: string): Promise<void> {
  await retryProjection(store, relayCheckpointName(name));
}

/** The relay's checkpoint row seen as a projection without tables, so the runner's status and retry apply to it. */
function relayProjection(name: string) {
  return { name, tables: [], apply: async () => { throw new Error("a relay is not applied as a projection"); } };
}

class Stopped extends Error {}

/**
 * The outbox relay: follows the log from its own checkpoint, publishes the messages each event maps to, and
 * advances the checkpoint (compare-and-set) only after every message of the batch was acknowledged by the broker.
 * One instance per name is active (advisory lock on a dedicated connection); another takes over when it dies.
 * A crash between the ack and the checkpoint publishes the batch again: the broker drops the repeats by message id.
 */
export function startRelay(store: EventStore, options: RelayOptions): Relay {
  const checkpointName = relayCheckpointName(options.name);
  const { transport, toMessages } = options;
  const { database } = store;
  const instanceId = options.instanceId ?? `relay-${randomUUID().slice(0, 8)}`;
  const batchSize = options.batchSize ?? 500;
  const maxInFlight = options.maxInFlight ?? 256;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const takeoverIntervalMs = options.takeoverIntervalMs ?? 1000;
  const log = options.log ?? (() => {});
  const waker = createWaker();
  let leading = false;
  let position: Checkpoint = { txId: 0, position: 0 };
  let published = 0;
  let duplicates = 0;
  let lastHeartbeat = 0;

  const beat = async () => {
    if (!leading || Date.now() - lastHeartbeat < HEARTBEAT_EVERY_MS) return;
    lastHeartbeat = Date.now();
    await heartbeat(database.db, [checkpointName], instanceId);
  };

  /** Until the broker acknowledged it (or the relay stops): the outage of a broker only delays the batch. */
  const publishUntilAcked = async (message: IntegrationMessage) => {
    let delay = PUBLISH_RETRY_FIRST_MS;
    for (let attempt = 1; ; attempt++) {
      if (waker.stopped) throw new Stopped();
      try {
        const ack = await transport.publish(message);
        published++;
        if (ack.duplicate) duplicates++;
        return;
      } catch (error) {
        if (error instanceof MessagingError && error.code === "VALIDATION") throw error;
        if (waker.stopped) throw new Stopped();
        if (attempt === 1 || attempt % 10 === 0) log("publish failed; retrying", { relay: options.name, messageId: message.id, attempt, error: describeError(error) });
        await beat().catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, PUBLISH_RETRY_MAX_MS);
      }
    }
  };

  // A subject's messages go one after another, across batches too (the chain of its last publish), so a publish
  // that has to be retried can never land after a later message of its subject. Only publishes actually awaiting
  // their ack take one of the `maxInFlight` slots: a message waiting for its subject's previous one does not.
  const tails = new Map<string, Promise<void>>();
  const slots = createSemaphore(maxInFlight);
  const publishInTurn = (message: IntegrationMessage): Promise<void> => {
    const run = async () => {
      await slots.acquire();
      try {
        await publishUntilAcked(message);
      } finally {
        slots.release();
      }
    };
    const key = orderingKeyOf(message.subject);
    const before = tails.get(key);
    // A subject whose previous message failed (refused, or the relay stops) publishes nothing more in this term.
    const finished = before ? before.then(run) : run();
    tails.set(key, finished);
    finished.then(
      () => tails.get(key) === finished && tails.delete(key),
      () => {},
    );
    return finished;
  };

  /** Hands the messages over in order; `acked` settles when all are acknowledged. */
  const enqueue = (messages: IntegrationMessage[]): { acked: Promise<void> } => {
    const tasks = messages.map(publishInTurn);
    const acked = Promise.allSettled(tasks).then((results) => {
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw failed.reason;
    });
    acked.catch(() => {});
    return { acked };
  };

  const readPage = async (after: Checkpoint): Promise<StoredEvent[]> => {
    for await (const batch of store.readAllBatches({ after, batchSize })) return batch;
    return [];
  };

  /** A batch handed to the queue whose checkpoint has not moved yet. */
  interface Pending {
    from: Checkpoint;
    to: Checkpoint;
    first: StoredEvent;
    count: number;
    acked: Promise<void>;
  }
  let pending: Pending | undefined;
  /** The checkpoint this instance last moved: the row's, as long as it leads (compare-and-set checks that). */
  let advanced: Checkpoint | undefined;

  /** After every ack of the batch: the checkpoint moves (compare-and-set). False when the relay halted or stops. */
  const commit = async (batch: Pending): Promise<boolean> => {
    try {
      await batch.acked;
    } catch (error) {
      tails.clear();
      if (error instanceof Stopped) return false;
      await markFailed(database.db, checkpointName, describeError(error), batch.first);
      log("relay halted: a message was refused", { relay: options.name, error: describeError(error) });
      return false;
    }
    if (!(await advanceCheckpoint(database.db, checkpointName, batch.from, batch.to, batch.count))) {
      // Another instance moved it: it leads now; what this one published again is a repeat the broker drops.
      throw new LostLeadershipSignal();
    }
    position = batch.to;
    advanced = batch.to;
    return true;
  };

  /**
   * One batch, pipelined: batch k is read and handed to the queue while batch k-1's acks come in; then k-1's
   * checkpoint moves. False when there was nothing to do.
   */
  const step = async (): Promise<boolean> => {
    let from: Checkpoint;
    if (pending) {
      from = pending.to;
    } else if (advanced) {
      from = advanced;
    } else {
      const row = await loadCheckpoint(database.db, checkpointName);
      if (!row) return false;
      position = row.checkpoint;
      if (row.status === "failed") return false;
      from = row.checkpoint;
    }
    const page = await readPage(from);
    const previous = pending;
    pending = undefined;
    if (page.length === 0) {
      advanced = undefined;
      if (!previous) return false;
      await commit(previous);
      return true;
    }
    const messages: IntegrationMessage[] = [];
    for (const event of page) {
      try {
        messages.push(...toMessages(event));
      } catch (error) {
        // A mapping that cannot map an event halts the relay there, visibly, rather than skip it.
        if (previous && !(await commit(previous))) return true;
        await markFailed(database.db, checkpointName, describeError(error), event);
        advanced = undefined;
        log("relay halted: an event could not be mapped", { relay: options.name, eventId: event.eventId, error: describeError(error) });
        return true;
      }
    }
    const { acked } = enqueue(messages);
    const batch: Pending = { from, to: checkpointOf(page[page.length - 1]!), first: page[0]!, count: page.length, acked };
    if (previous && !(await commit(previous))) {
      advanced = undefined;
      return true;
    }
    pending = batch;
    return true;
  };

  const loop = async (connection: DrizzleDatabase): Promise<void> => {
    const unlisten = await database.listen(EVENTS_CHANNEL, waker.wake);
    const backend = await backendId(connection);
    let lastTakeover = 0;
    let lastLockCheck = 0;
    let connectionLost = false;
    try {
      while (!waker.stopped) {
        // At most once a second while busy (a round trip per batch would cost throughput); the compare-and-set
        // checkpoint keeps a relay that lost its lock from moving anything in between.
        if (Date.now() - lastLockCheck >= LOCK_CHECK_EVERY_MS) {
          lastLockCheck = Date.now();
          if ((await backendId(connection)) !== backend) {
            connectionLost = true;
            throw new Error(`${instanceId}: lost its lock connection`);
          }
        }
        if (!leading && Date.now() - lastTakeover >= takeoverIntervalMs) {
          lastTakeover = Date.now();
          if (await tryLead(connection, checkpointName)) {
            await ensureCheckpoint(database.db, checkpointName);
            leading = true;
            lastHeartbeat = 0;
            log("leading", { relay: options.name, instance: instanceId });
          }
        }
        await beat();
        waker.take();
        let worked = false;
        if (leading) {
          try {
            worked = await step();
          } catch (error) {
            if (!(error instanceof LostLeadershipSignal)) throw error;
            leading = false;
            advanced = undefined;
            pending = undefined;
            tails.clear();
            await resign(connection, checkpointName);
            log("lost leadership", { relay: options.name, instance: instanceId });
          }
        }
        if (!worked) await waker.sleep(leading ? pollIntervalMs : takeoverIntervalMs);
      }
    } finally {
      await unlisten();
      // A batch whose acks are all in moves the checkpoint before the lock goes (one that is not is published
      // again by the next leader: the broker drops the repeats).
      const last = pending;
      pending = undefined;
      if (last && leading && !connectionLost) await commit(last).catch(() => false);
      advanced = undefined;
      tails.clear();
      if (leading && !connectionLost) await resign(connection, checkpointName).catch(() => {});
      leading = false;
    }
  };

  const done = (async () => {
    let delay = RECONNECT_FIRST_MS;
    while (!waker.stopped) {
      try {
        await database.withDedicatedConnection(loop);
      } catch (error) {
        if (waker.stopped) break;
        log("relay lost its database connection; reconnecting", { relay: options.name, error: describeError(error), retryInMs: delay });
        waker.take();
        await waker.sleep(delay);
        delay = Math.min(delay * 2, RECONNECT_MAX_MS);
      }
    }
  })();
  done.catch(() => {});

  return {
    name: options.name,
    instanceId,
    position: () => position,
    backlog: async () => (await relayStatus(store, options.name)).backlog,
    leading: () => leading,
    counts: () => ({ published, duplicates }),
    async stop() {
      waker.stop();
      await done.catch(() => {});
    },
    done,
  };
}

class LostLeadershipSignal extends Error {}

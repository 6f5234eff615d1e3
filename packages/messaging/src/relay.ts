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
import { createKeyedQueue } from "./keyed-queue.ts";
import type { IntegrationMessage, Log, Transport } from "./types.ts";

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

  const publishAll = async (messages: IntegrationMessage[]) => {
    const queue = createKeyedQueue(maxInFlight);
    const tasks: Promise<void>[] = [];
    for (const message of messages) tasks.push((await queue.add(message.subject, () => publishUntilAcked(message))).finished);
    const results = await Promise.allSettled(tasks);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  };

  /** One batch; false when there was nothing to do. */
  const step = async (): Promise<boolean> => {
    const row = await loadCheckpoint(database.db, checkpointName);
    if (!row) return false;
    position = row.checkpoint;
    if (row.status === "failed") return false;
    let page: StoredEvent[] = [];
    for await (const batch of store.readAllBatches({ after: row.checkpoint, batchSize })) {
      page = batch;
      break;
    }
    if (page.length === 0) return false;
    const messages: IntegrationMessage[] = [];
    for (const event of page) {
      try {
        messages.push(...toMessages(event));
      } catch (error) {
        // A mapping that cannot map an event halts the relay there, visibly, rather than skip it.
        await markFailed(database.db, checkpointName, describeError(error), event);
        log("relay halted: an event could not be mapped", { relay: options.name, eventId: event.eventId, error: describeError(error) });
        return true;
      }
    }
    try {
      await publishAll(messages);
    } catch (error) {
      if (error instanceof Stopped) return true;
      await markFailed(database.db, checkpointName, describeError(error), page[0]!);
      log("relay halted: a message was refused", { relay: options.name, error: describeError(error) });
      return true;
    }
    const to = checkpointOf(page[page.length - 1]!);
    if (!(await advanceCheckpoint(database.db, checkpointName, row.checkpoint, to, page.length))) {
      // Another instance moved it: it leads now; what this one published is a repeat the broker dropped.
      throw new LostLeadershipSignal();
    }
    position = to;
    return true;
  };

  const loop = async (connection: DrizzleDatabase): Promise<void> => {
    const unlisten = await database.listen(EVENTS_CHANNEL, waker.wake);
    const backend = await backendId(connection);
    let lastTakeover = 0;
    let connectionLost = false;
    try {
      while (!waker.stopped) {
        if ((await backendId(connection)) !== backend) {
          connectionLost = true;
          throw new Error(`${instanceId}: lost its lock connection`);
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
            await resign(connection, checkpointName);
            log("lost leadership", { relay: options.name, instance: instanceId });
          }
        }
        if (!worked) await waker.sleep(leading ? pollIntervalMs : takeoverIntervalMs);
      }
    } finally {
      await unlisten();
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

import type { Database } from "@chronicle/event-store";
import { DEFAULT_DEAD_LETTER_STREAM, type DeadLetterRecord } from "./codec.ts";
import { describeError, MessagingError } from "./errors.ts";
import { databasePersistence, type InProcessPersistence } from "./in-process-store.ts";
import { createKeyedQueue } from "./keyed-queue.ts";
import type { ConsumerStats, DeadLetter, IntegrationMessage, Log, StreamSpec, StreamStats, Transport } from "./types.ts";
import { backoffFor, orderingKeyOf, resolveConsumerOptions, subjectMatches, validateMessage, validateStreamSpec } from "./validate.ts";

export interface InProcessTransportOptions {
  /**
   * Keeps the streams' messages and the consumers' acknowledgements in this database (its own tables, migrated on
   * `ensureStreams`), so a restart loses nothing: messages not yet handled are delivered after it. Without it,
   * everything lives in memory, as long as the process.
   */
  database?: Database;
  deadLetterStream?: StreamSpec;
  log?: Log;
  /** The clock, for tests of windows and ages. */
  now?: () => number;
}

interface Stored {
  seq: number;
  message: IntegrationMessage;
  bytes: number;
  storedAt: number;
}

interface StreamState {
  spec: StreamSpec;
  messages: Map<number, Stored>;
  lastSeq: number;
  bytes: number;
  /** Message id → when it was stored and where, for the duplicate window. */
  seen: Map<string, { seq: number; at: number }>;
}

interface Pending {
  attempts: number;
  availableAt: number;
  inFlight: boolean;
}

interface ConsumerState {
  stream: string;
  durable: string;
  filterSubject: string | undefined;
  /** The next stream sequence never delivered yet. */
  nextSeq: number;
  /** Every sequence up to here is acknowledged (or was not for this consumer). */
  ackFloor: number;
  /** Acknowledged sequences above the floor. */
  ackedAbove: Set<number>;
  /** Delivered and not acknowledged: in a handler, or waiting for its redelivery. */
  pending: Map<number, Pending>;
  /** Whether a consume() runs on it now (a durable consumer has one reader in this process). */
  active: boolean;
  /** Its saved acknowledgements were read (once per process). */
  loaded: boolean;
  wake?: () => void;
}

const sleepOrWake = (ms: number, register: (wake: () => void) => void) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    register(() => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * The transport inside one process, for the embedded default without a NATS server: the same contract as the
 * NATS transport — streams with limits, de-duplication by message id within the window, durable consumers with
 * at-least-once delivery, redelivery after a pause on failure, a dead-letter stream after `maxDeliver` attempts.
 * With a database it survives restarts (see `database`); without one it lives in memory.
 */
export function createInProcessTransport(options: InProcessTransportOptions = {}): Transport {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const persistence: InProcessPersistence | undefined = options.database ? databasePersistence(options.database) : undefined;
  const deadLetterSpec = validateStreamSpec(options.deadLetterStream ?? DEFAULT_DEAD_LETTER_STREAM);
  const deadLetterPrefix = deadLetterSpec.subjects[0]!.replace(/\.>$/, "");
  const streams = new Map<string, StreamState>();
  const consumers = new Map<string, ConsumerState>();
  const running = new Set<{ stop(): Promise<void> }>();
  let closed = false;
  // Writes one after another: sequence numbers are handed out in the order they are stored.
  let writes: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const result = writes.then(work);
    writes = result.catch(() => {});
    return result;
  };

  const assertOpen = () => {
    if (closed) throw new MessagingError("CLOSED", "the in-process transport is closed");
  };

  /** Applies the stream's limits; the dropped messages are forgotten in the database too. */
  const trim = async (stream: StreamState) => {
    const { spec } = stream;
    const oldest = now() - spec.maxAgeMs;
    const dropped: number[] = [];
    for (const [seq, stored] of stream.messages) {
      if (stream.messages.size <= spec.maxMessages && stream.bytes <= spec.maxBytes && stored.storedAt >= oldest) break;
      stream.messages.delete(seq);
      stream.bytes -= stored.bytes;
      dropped.push(seq);
    }
    const window = now() - spec.duplicateWindowMs;
    for (const [id, entry] of stream.seen) {
      if (entry.at >= window) break;
      stream.seen.delete(id);
    }
    if (persistence && dropped.length) await persistence.deleteMessages(spec.name, dropped);
  };

  const keep = (stream: StreamState, seq: number, message: IntegrationMessage, storedAt: number, msgId: string) => {
    const bytes = Buffer.byteLength(JSON.stringify(message));
    stream.messages.set(seq, { seq, message, bytes, storedAt });
    stream.bytes += bytes;
    stream.seen.set(msgId, { seq, at: storedAt });
  };

  const store = (message: IntegrationMessage, msgId: string, subject = message.subject) => serially(async () => {
    assertOpen();
    const stream = [...streams.values()].find((s) => s.spec.subjects.some((pattern) => subjectMatches(pattern, subject)));
    if (!stream) throw new MessagingError("NO_STREAM", `no stream takes subject ${subject}`);
    await trim(stream);
    const seen = stream.seen.get(msgId);
    if (seen) return { sequence: seen.seq, duplicate: true };
    const seq = stream.lastSeq + 1;
    // A copy through JSON: what a consumer gets is what a broker would have carried, never the producer's object.
    const copy = JSON.parse(JSON.stringify({ ...message, subject })) as IntegrationMessage;
    const storedAt = now();
    // Stored before it is acknowledged: a publish that resolved is not lost by a restart.
    if (persistence) await persistence.saveMessage(stream.spec.name, { seq, msgId, message: copy, storedAt });
    stream.lastSeq = seq;
    keep(stream, seq, copy, storedAt, msgId);
    await trim(stream);
    for (const consumer of consumers.values()) if (consumer.stream === stream.spec.name) consumer.wake?.();
    return { sequence: seq, duplicate: false };
  });

  const firstSequence = (stream: StreamState) => stream.messages.keys().next().value ?? stream.lastSeq + 1;

  const markAcked = (consumer: ConsumerState, seq: number) => {
    if (seq <= consumer.ackFloor) return;
    consumer.ackedAbove.add(seq);
    while (consumer.ackedAbove.has(consumer.ackFloor + 1)) consumer.ackedAbove.delete(++consumer.ackFloor);
  };

  const saveAcks = async (consumer: ConsumerState) => {
    if (!persistence) return;
    await persistence.saveConsumer(consumer.stream, consumer.durable, consumer.filterSubject, consumer.ackFloor, [...consumer.ackedAbove]);
  };

  const transport: Transport = {
    kind: "in-process",
    async ensureStreams(specs) {
      assertOpen();
      const checked = [...specs, deadLetterSpec].map(validateStreamSpec);
      await persistence?.prepare();
      for (const spec of checked) {
        const existing = streams.get(spec.name);
        if (existing) {
          existing.spec = spec;
          await serially(() => trim(existing));
          continue;
        }
        const clash = [...streams.values()].find((s) => s.spec.subjects.some((a) => spec.subjects.some((b) => subjectMatches(a, b) || subjectMatches(b, a))));
        if (clash) throw new MessagingError("VALIDATION", `stream ${spec.name}: its subjects overlap stream ${clash.spec.name}'s`);
        const stream: StreamState = { spec, messages: new Map(), lastSeq: 0, bytes: 0, seen: new Map() };
        if (persistence) {
          const saved = await persistence.loadStream(spec.name);
          stream.lastSeq = saved.lastSeq;
          for (const row of saved.messages) keep(stream, row.seq, row.message, row.storedAt, row.msgId);
        }
        streams.set(spec.name, stream);
        await serially(() => trim(stream));
      }
    },

    async publish(message) {
      validateMessage(message);
      return store(message, message.id);
    },

    consume(consumerOptions, handle) {
      assertOpen();
      const o = resolveConsumerOptions(consumerOptions);
      const clog = consumerOptions.log ?? log;
      const stream = streams.get(o.stream);
      if (!stream) throw new MessagingError("NO_STREAM", `no stream ${o.stream}: call ensureStreams first`);
      const key = `${o.stream}/${o.durable}`;
      let state = consumers.get(key);
      if (!state) {
        state = { stream: o.stream, durable: o.durable, filterSubject: o.filterSubject, nextSeq: 1, ackFloor: 0, ackedAbove: new Set(), pending: new Map(), active: false, loaded: !persistence };
        consumers.set(key, state);
      } else if (state.filterSubject !== o.filterSubject) {
        throw new MessagingError("VALIDATION", `consumer ${o.durable} exists on ${o.stream} with filter ${state.filterSubject ?? "(none)"}; a durable consumer keeps its filter`);
      }
      if (state.active) throw new MessagingError("VALIDATION", `consumer ${o.durable} on ${o.stream} is already being consumed in this process`);
      const consumer = state;
      consumer.active = true;
      let stopping = false;
      let wakeLoop: (() => void) | undefined;
      const queue = createKeyedQueue(o.concurrency);

      const acknowledge = async (seq: number) => {
        consumer.pending.delete(seq);
        markAcked(consumer, seq);
        await saveAcks(consumer).catch((error) => clog("could not save an acknowledgement; the message may come again after a restart", { consumer: o.durable, sequence: seq, error: describeError(error) }));
      };

      const handleOne = async (stored: Stored, entry: Pending) => {
        try {
          await handle(JSON.parse(JSON.stringify(stored.message)) as IntegrationMessage, { attempt: entry.attempts, sequence: stored.seq });
        } catch (error) {
          if (entry.attempts < o.maxDeliver) {
            entry.inFlight = false;
            entry.availableAt = now() + backoffFor(o.backoffMs, entry.attempts);
            clog("message failed; it will be delivered again", { consumer: o.durable, sequence: stored.seq, attempt: entry.attempts, error: describeError(error) });
            return;
          }
          const record: DeadLetterRecord = {
            message: stored.message,
            stream: o.stream,
            consumer: o.durable,
            sequence: stored.seq,
            error: describeError(error).slice(0, 4000),
            attempts: entry.attempts,
            deadAt: new Date(now()).toISOString(),
          };
          const subject = `${deadLetterPrefix}.${o.stream}.${o.durable}`;
          const envelope: IntegrationMessage = { id: `dead:${o.stream}:${o.durable}:${stored.seq}`, subject, type: "dead-letter", data: record, occurredAt: record.deadAt };
          try {
            await store(envelope, envelope.id, subject);
          } catch (deadLetterError) {
            entry.inFlight = false;
            entry.availableAt = now() + backoffFor(o.backoffMs, entry.attempts);
            clog("could not dead-letter a message; it will be delivered again", { consumer: o.durable, sequence: stored.seq, error: describeError(deadLetterError) });
            return;
          }
          clog("message dead-lettered", { consumer: o.durable, sequence: stored.seq, attempts: entry.attempts, error: describeError(error) });
        }
        await acknowledge(stored.seq);
      };

      /** The next message to hand out: a due redelivery first, then the oldest never delivered. */
      const next = (): { stored: Stored; entry: Pending } | { waitMs: number } => {
        let soonest = Infinity;
        for (const [seq, entry] of [...consumer.pending].sort((a, b) => a[0] - b[0])) {
          if (entry.inFlight) continue;
          const stored = stream.messages.get(seq);
          if (!stored) {
            consumer.pending.delete(seq); // gone by the stream's limits
            markAcked(consumer, seq);
            continue;
          }
          if (entry.availableAt <= now()) return { stored, entry };
          soonest = Math.min(soonest, entry.availableAt - now());
        }
        consumer.nextSeq = Math.max(consumer.nextSeq, consumer.ackFloor + 1);
        while (consumer.nextSeq <= stream.lastSeq) {
          const seq = consumer.nextSeq++;
          const stored = stream.messages.get(seq);
          if (consumer.ackedAbove.has(seq)) continue;
          if (!stored || (consumer.filterSubject && !subjectMatches(consumer.filterSubject, stored.message.subject))) {
            markAcked(consumer, seq); // not this consumer's: it counts as done
            continue;
          }
          const entry: Pending = { attempts: 0, availableAt: 0, inFlight: false };
          consumer.pending.set(stored.seq, entry);
          return { stored, entry };
        }
        return { waitMs: Math.min(soonest, 1000) };
      };

      consumer.wake = () => wakeLoop?.();
      const done = (async () => {
        try {
          if (!consumer.loaded && persistence) {
            const saved = await persistence.loadConsumer(o.stream, o.durable);
            if (saved) {
              consumer.ackFloor = saved.ackFloor;
              consumer.ackedAbove = new Set(saved.ackedAbove);
              consumer.nextSeq = saved.ackFloor + 1;
            }
            consumer.loaded = true;
          }
          while (!stopping && !closed) {
            const found = next();
            if ("waitMs" in found) {
              await sleepOrWake(found.waitMs, (wake) => (wakeLoop = wake));
              continue;
            }
            found.entry.inFlight = true;
            found.entry.attempts++;
            const { finished } = await queue.add(orderingKeyOf(found.stored.message.subject), () => handleOne(found.stored, found.entry));
            void finished.finally(() => wakeLoop?.());
          }
          await queue.idle();
        } finally {
          consumer.active = false;
          consumer.wake = undefined;
        }
      })();
      done.catch((error) => clog("consumer stopped on an error", { consumer: o.durable, error: describeError(error) }));
      const handleRef = {
        async stop() {
          stopping = true;
          wakeLoop?.();
          await done.catch(() => {});
          running.delete(handleRef);
        },
      };
      running.add(handleRef);
      return { stop: handleRef.stop, done };
    },

    async stats() {
      assertOpen();
      const streamStats: StreamStats[] = [];
      const consumerStats: ConsumerStats[] = [];
      for (const stream of [...streams.values()].sort((a, b) => a.spec.name.localeCompare(b.spec.name))) {
        await serially(() => trim(stream));
        const mine = [...consumers.values()].filter((c) => c.stream === stream.spec.name);
        const { spec } = stream;
        streamStats.push({
          name: spec.name,
          subjects: spec.subjects,
          messages: stream.messages.size,
          bytes: stream.bytes,
          firstSequence: stream.messages.size ? firstSequence(stream) : 0,
          lastSequence: stream.lastSeq,
          consumers: mine.length,
          limits: { maxAgeMs: spec.maxAgeMs, maxMessages: spec.maxMessages, maxBytes: spec.maxBytes, duplicateWindowMs: spec.duplicateWindowMs },
        });
        for (const c of mine) {
          let pending = 0;
          for (const [seq, stored] of stream.messages) {
            if (seq >= c.nextSeq && (!c.filterSubject || subjectMatches(c.filterSubject, stored.message.subject))) pending++;
          }
          consumerStats.push({
            stream: spec.name,
            name: c.durable,
            filterSubject: c.filterSubject ?? null,
            pending,
            ackPending: c.pending.size,
            redelivered: [...c.pending.values()].filter((p) => p.attempts > 1).length,
            ackFloor: c.ackFloor,
            delivered: c.nextSeq - 1,
          });
        }
      }
      return { streams: streamStats, consumers: consumerStats };
    },

    async deadLetters({ limit = 100 } = {}) {
      assertOpen();
      const stream = streams.get(deadLetterSpec.name);
      if (!stream) return [];
      return [...stream.messages.values()].slice(0, limit).map((stored): DeadLetter => {
        const record = stored.message.data as DeadLetterRecord;
        return { id: String(stored.seq), message: record.message, stream: record.stream, consumer: record.consumer, error: record.error, attempts: record.attempts, deadAt: record.deadAt };
      });
    },

    async retryDeadLetter(id) {
      assertOpen();
      const seq = Number(id);
      if (!/^\d+$/.test(id) || !Number.isSafeInteger(seq) || seq < 1) throw new MessagingError("VALIDATION", `dead letter id must be a sequence number, got ${JSON.stringify(id)}`);
      const stream = streams.get(deadLetterSpec.name);
      const stored = stream?.messages.get(seq);
      if (!stream || !stored) throw new MessagingError("NOT_FOUND", `no dead letter ${id}`);
      const record = stored.message.data as DeadLetterRecord;
      await store(record.message, `${record.message.id}:retry:${id}`);
      await serially(async () => {
        if (!stream.messages.delete(seq)) return;
        stream.bytes -= stored.bytes;
        await persistence?.deleteMessages(stream.spec.name, [seq]);
      });
    },

    async close() {
      if (closed) return;
      await Promise.all([...running].map((c) => c.stop()));
      closed = true;
      await writes;
    },
  };
  return transport;
}

import { DEFAULT_DEAD_LETTER_STREAM, deadLetterSubject, type DeadLetterRecord } from "./codec.ts";
import { describeError, MessagingError } from "./errors.ts";
import { createKeyedQueue } from "./keyed-queue.ts";
import type { ConsumerStats, DeadLetter, IntegrationMessage, Log, StreamSpec, StreamStats, Transport } from "./types.ts";
import { backoffFor, resolveConsumerOptions, subjectMatches, validateMessage, validateStreamSpec } from "./validate.ts";

export interface InProcessTransportOptions {
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
  /** Delivered and not acknowledged: in a handler, or waiting for its redelivery. */
  pending: Map<number, Pending>;
  /** Whether a consume() runs on it now (a durable consumer has one reader in this process). */
  active: boolean;
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
 * It keeps its streams in memory: they live as long as the process (the relay's checkpoint, in the database, is
 * what survives a restart — see the package README).
 */
export function createInProcessTransport(options: InProcessTransportOptions = {}): Transport {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const deadLetterSpec = validateStreamSpec(options.deadLetterStream ?? DEFAULT_DEAD_LETTER_STREAM);
  const deadLetterPrefix = deadLetterSpec.subjects[0]!.replace(/\.>$/, "");
  const streams = new Map<string, StreamState>();
  const consumers = new Map<string, ConsumerState>();
  const running = new Set<{ stop(): Promise<void> }>();
  let closed = false;

  const assertOpen = () => {
    if (closed) throw new MessagingError("CLOSED", "the in-process transport is closed");
  };

  const trim = (stream: StreamState) => {
    const { spec } = stream;
    const oldest = now() - spec.maxAgeMs;
    for (const [seq, stored] of stream.messages) {
      if (stream.messages.size <= spec.maxMessages && stream.bytes <= spec.maxBytes && stored.storedAt >= oldest) break;
      stream.messages.delete(seq);
      stream.bytes -= stored.bytes;
    }
    const window = now() - spec.duplicateWindowMs;
    for (const [id, entry] of stream.seen) {
      if (entry.at >= window) break;
      stream.seen.delete(id);
    }
  };

  const store = (message: IntegrationMessage, msgId: string, subject = message.subject) => {
    assertOpen();
    const stream = [...streams.values()].find((s) => s.spec.subjects.some((pattern) => subjectMatches(pattern, subject)));
    if (!stream) throw new MessagingError("NO_STREAM", `no stream takes subject ${subject}`);
    trim(stream);
    const seen = stream.seen.get(msgId);
    if (seen) return { sequence: seen.seq, duplicate: true };
    const seq = ++stream.lastSeq;
    // A copy through JSON: what a consumer gets is what a broker would have carried, never the producer's object.
    const copy = JSON.parse(JSON.stringify({ ...message, subject })) as IntegrationMessage;
    const bytes = Buffer.byteLength(JSON.stringify(copy));
    stream.messages.set(seq, { seq, message: copy, bytes, storedAt: now() });
    stream.bytes += bytes;
    stream.seen.set(msgId, { seq, at: now() });
    trim(stream);
    for (const consumer of consumers.values()) if (consumer.stream === stream.spec.name) consumer.wake?.();
    return { sequence: seq, duplicate: false };
  };

  const firstSequence = (stream: StreamState) => stream.messages.keys().next().value ?? stream.lastSeq + 1;

  const transport: Transport = {
    kind: "in-process",
    async ensureStreams(specs) {
      assertOpen();
      for (const spec of [...specs, deadLetterSpec].map(validateStreamSpec)) {
        const existing = streams.get(spec.name);
        if (existing) {
          existing.spec = spec;
          trim(existing);
        } else {
          const clash = [...streams.values()].find((s) => s.spec.subjects.some((a) => spec.subjects.some((b) => subjectMatches(a, b) || subjectMatches(b, a))));
          if (clash) throw new MessagingError("VALIDATION", `stream ${spec.name}: its subjects overlap stream ${clash.spec.name}'s`);
          streams.set(spec.name, { spec, messages: new Map(), lastSeq: 0, bytes: 0, seen: new Map() });
        }
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
        state = { stream: o.stream, durable: o.durable, filterSubject: o.filterSubject, nextSeq: 1, pending: new Map(), active: false };
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

      const handleOne = async (stored: Stored, entry: Pending) => {
        try {
          await handle(JSON.parse(JSON.stringify(stored.message)) as IntegrationMessage, { attempt: entry.attempts, sequence: stored.seq });
          consumer.pending.delete(stored.seq);
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
          const envelope: IntegrationMessage = { id: `dead:${o.stream}:${o.durable}:${stored.seq}`, subject: deadLetterSubject(o.stream, o.durable), type: "dead-letter", data: record, occurredAt: record.deadAt };
          store(envelope, envelope.id, `${deadLetterPrefix}.${o.stream}.${o.durable}`);
          consumer.pending.delete(stored.seq);
          clog("message dead-lettered", { consumer: o.durable, sequence: stored.seq, attempts: entry.attempts, error: describeError(error) });
        }
      };

      /** The next message to hand out: a due redelivery first, then the oldest never delivered. */
      const next = (): { stored: Stored; entry: Pending } | { waitMs: number } => {
        let soonest = Infinity;
        for (const [seq, entry] of [...consumer.pending].sort((a, b) => a[0] - b[0])) {
          if (entry.inFlight) continue;
          const stored = stream.messages.get(seq);
          if (!stored) {
            consumer.pending.delete(seq); // gone by the stream's limits
            continue;
          }
          if (entry.availableAt <= now()) return { stored, entry };
          soonest = Math.min(soonest, entry.availableAt - now());
        }
        consumer.nextSeq = Math.max(consumer.nextSeq, firstSequence(stream));
        while (consumer.nextSeq <= stream.lastSeq) {
          const stored = stream.messages.get(consumer.nextSeq++);
          if (!stored || (consumer.filterSubject && !subjectMatches(consumer.filterSubject, stored.message.subject))) continue;
          const entry: Pending = { attempts: 0, availableAt: 0, inFlight: false };
          consumer.pending.set(stored.seq, entry);
          return { stored, entry };
        }
        return { waitMs: Math.min(soonest, 1000) };
      };

      consumer.wake = () => wakeLoop?.();
      const done = (async () => {
        try {
          while (!stopping && !closed) {
            const found = next();
            if ("waitMs" in found) {
              await sleepOrWake(found.waitMs, (wake) => (wakeLoop = wake));
              continue;
            }
            found.entry.inFlight = true;
            found.entry.attempts++;
            const { finished } = await queue.add(found.stored.message.subject, () => handleOne(found.stored, found.entry));
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
        trim(stream);
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
          const unacked = [...c.pending.keys()];
          consumerStats.push({
            stream: spec.name,
            name: c.durable,
            filterSubject: c.filterSubject ?? null,
            pending,
            ackPending: unacked.length,
            redelivered: [...c.pending.values()].filter((p) => p.attempts > 1).length,
            ackFloor: (unacked.length ? Math.min(...unacked) : c.nextSeq) - 1,
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
      trim(stream);
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
      store(record.message, `${record.message.id}:retry:${id}`);
      stream.messages.delete(seq);
      stream.bytes -= stored.bytes;
    },

    async close() {
      if (closed) return;
      await Promise.all([...running].map((c) => c.stop()));
      closed = true;
    },
  };
  return transport;
}

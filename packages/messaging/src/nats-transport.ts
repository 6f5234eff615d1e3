import { connect, headers as createHeaders, type MsgHdrs, type NatsConnection } from "@nats-io/transport-node";
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type StreamConfig,
} from "@nats-io/jetstream";
import { bodyText, decodeMessage, DEFAULT_DEAD_LETTER_STREAM, encodeData, envelopeHeaders, type DeadLetterRecord } from "./codec.ts";
import { describeError, MessagingError } from "./errors.ts";
import { createKeyedQueue } from "./keyed-queue.ts";
import type { ConsumerStats, DeadLetter, IntegrationMessage, Log, StreamSpec, StreamStats, Transport } from "./types.ts";
import { backoffFor, orderingKeyOf, resolveConsumerOptions, validateMessage, validateStreamSpec, type ResolvedConsumerOptions } from "./validate.ts";

export interface NatsTransportOptions {
  /** `nats://host:port` (several separated by commas). */
  url: string;
  /** The connection's name as the server shows it. */
  name?: string;
  /** Where messages that failed `maxDeliver` times go; subjects must be one `<prefix>.>` pattern. */
  deadLetterStream?: StreamSpec;
  /** How long a publish waits for the stream's ack before it fails (the caller retries). Default 5 s. */
  publishTimeoutMs?: number;
  log?: Log;
}

const NANOS_PER_MS = 1_000_000;
const FETCH_EXPIRES_MS = 1000;
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5000;
/** JetStream API error codes this transport tells apart. */
const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;

function errorCode(error: unknown): number | undefined {
  const api = (error as { api_error?: { err_code?: number }; code?: unknown }).api_error;
  return api?.err_code;
}

function isNotFound(error: unknown, code: number): boolean {
  return errorCode(error) === code || /not found/i.test(String((error as Error)?.message));
}

function parseServers(url: string): string[] {
  const servers = url.split(",").map((s) => s.trim()).filter(Boolean);
  if (servers.length === 0 || servers.some((s) => !/^(nats|tls):\/\/[^\s/]+(:\d+)?\/?$/.test(s))) {
    throw new MessagingError("VALIDATION", `NATS url must be nats://host:port (comma-separated for several), got ${JSON.stringify(url)}`);
  }
  return servers;
}

function streamConfig(spec: StreamSpec): Partial<StreamConfig> & { name: string } {
  return {
    name: spec.name,
    subjects: spec.subjects,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: spec.maxAgeMs * NANOS_PER_MS,
    max_msgs: spec.maxMessages,
    max_bytes: spec.maxBytes,
    duplicate_window: spec.duplicateWindowMs * NANOS_PER_MS,
    num_replicas: 1,
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The transport on a NATS JetStream server. It connects at once and keeps reconnecting for ever when the server
 * goes away: a publish in flight then fails (the relay retries it), consumers pause and resume where their
 * durable position is.
 */
export function createNatsTransport(options: NatsTransportOptions): Transport {
  const servers = parseServers(options.url);
  const deadLetterSpec = validateStreamSpec(options.deadLetterStream ?? DEFAULT_DEAD_LETTER_STREAM);
  const deadLetterPrefix = deadLetterSpec.subjects[0]!.replace(/\.>$/, "");
  if (deadLetterSpec.subjects.length !== 1 || deadLetterPrefix === deadLetterSpec.subjects[0]) {
    throw new MessagingError("VALIDATION", "the dead-letter stream must have exactly one subject pattern <prefix>.>");
  }
  const publishTimeoutMs = options.publishTimeoutMs ?? 5000;
  const log = options.log ?? (() => {});
  const known = new Set<string>();
  const consumers = new Set<{ stop(): Promise<void> }>();
  let closed = false;

  let nc: NatsConnection | undefined;
  // Our own first-connect loop (not the client's waitOnFirstConnect): it stops when the transport is closed.
  const connection: Promise<{ nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager }> = (async () => {
    let delay = RETRY_FIRST_MS;
    while (!nc) {
      if (closed) throw new MessagingError("CLOSED", "the NATS transport is closed");
      try {
        nc = await connect({ servers, name: options.name ?? "chronicle", maxReconnectAttempts: -1, reconnectTimeWait: 250 });
      } catch (error) {
        log("cannot reach NATS; trying again", { servers, error: describeError(error), retryInMs: delay });
        await sleep(delay);
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      }
    }
    const connected = nc;
    void (async () => {
      for await (const status of connected.status()) {
        if (status.type === "disconnect" || status.type === "reconnect") log(`nats ${status.type}`, { server: status.server });
      }
    })().catch(() => {});
    return { nc: connected, js: jetstream(connected), jsm: await jetstreamManager(connected) };
  })();
  connection.catch(() => {});

  const open = async () => {
    if (closed) throw new MessagingError("CLOSED", "the NATS transport is closed");
    return connection;
  };

  async function ensureStream(jsm: JetStreamManager, spec: StreamSpec): Promise<void> {
    const wanted = streamConfig(spec);
    try {
      const info = await jsm.streams.info(spec.name);
      const c = info.config;
      const same = c.max_age === wanted.max_age && c.max_msgs === wanted.max_msgs && c.max_bytes === wanted.max_bytes
        && c.duplicate_window === wanted.duplicate_window && [...(c.subjects ?? [])].sort().join() === [...spec.subjects].sort().join();
      if (!same) {
        const { name: _name, storage: _storage, retention: _retention, ...editable } = wanted;
        await jsm.streams.update(spec.name, editable);
        log("stream limits updated", { stream: spec.name });
      }
    } catch (error) {
      if (!isNotFound(error, STREAM_NOT_FOUND)) throw error;
      await jsm.streams.add(wanted);
      log("stream created", { stream: spec.name });
    }
    known.add(spec.name);
  }

  async function ensureConsumer(jsm: JetStreamManager, o: ResolvedConsumerOptions): Promise<void> {
    const ackWait = o.ackWaitMs * NANOS_PER_MS;
    try {
      const info = await jsm.consumers.info(o.stream, o.durable);
      if (info.config.ack_wait !== ackWait) await jsm.consumers.update(o.stream, o.durable, { ack_wait: ackWait });
      if ((info.config.filter_subject ?? undefined) !== o.filterSubject) {
        throw new MessagingError("VALIDATION", `consumer ${o.durable} exists on ${o.stream} with filter ${info.config.filter_subject ?? "(none)"}; a durable consumer keeps its filter`);
      }
    } catch (error) {
      if (error instanceof MessagingError || !isNotFound(error, CONSUMER_NOT_FOUND)) throw error;
      await jsm.consumers.add(o.stream, {
        durable_name: o.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: ackWait,
        // Attempts are counted here (the delivery count), not by the server: a server-side limit would silently
        // drop a message whose last attempt died with its process, instead of dead-lettering it.
        max_deliver: -1,
        max_ack_pending: 1000,
        ...(o.filterSubject ? { filter_subject: o.filterSubject } : {}),
      });
    }
  }

  function toHeaders(entries: [string, string][]): MsgHdrs {
    const h = createHeaders();
    for (const [name, value] of entries) h.set(name, value);
    return h;
  }

  async function publishTo(subject: string, message: IntegrationMessage, msgID: string, extra: [string, string][] = []) {
    const { js } = await open();
    const ack = await js.publish(subject, encodeData(message.data), {
      msgID,
      headers: toHeaders([...envelopeHeaders(message), ...extra]),
      timeout: publishTimeoutMs,
    });
    return { sequence: ack.seq, duplicate: ack.duplicate };
  }

  const transport: Transport = {
    kind: "nats",
    async ensureStreams(specs) {
      const checked = [...specs, deadLetterSpec].map(validateStreamSpec);
      const { jsm } = await open();
      for (const spec of checked) await ensureStream(jsm, spec);
    },

    async publish(message) {
      validateMessage(message);
      return publishTo(message.subject, message, message.id);
    },

    consume(consumerOptions, handle) {
      const o = resolveConsumerOptions(consumerOptions);
      const clog = consumerOptions.log ?? log;
      let stopping = false;
      let current: { stop(): void } | undefined;
      const queue = createKeyedQueue(o.concurrency);

      const deadLetter = async (m: JsMsg, message: IntegrationMessage, error: unknown, attempts: number) => {
        const record: DeadLetterRecord = {
          message,
          stream: o.stream,
          consumer: o.durable,
          sequence: m.seq,
          error: describeError(error).slice(0, 4000),
          attempts,
          deadAt: new Date().toISOString(),
        };
        const { js } = await open();
        // The id makes a repeat (an ack lost on the way) a duplicate in the dead-letter stream, not a second entry.
        await js.publish(`${deadLetterPrefix}.${o.stream}.${o.durable}`, encodeData(record), {
          msgID: `dead:${o.stream}:${o.durable}:${m.seq}`,
          timeout: publishTimeoutMs,
        });
      };

      const handleOne = async (m: JsMsg) => {
        const attempt = m.info.deliveryCount;
        let message: IntegrationMessage | undefined;
        try {
          message = decodeMessage(m.subject, (name) => m.headers?.get(name) || undefined, m.data);
          await handle(message, { attempt, sequence: m.seq });
        } catch (error) {
          if (attempt < o.maxDeliver) {
            m.nak(backoffFor(o.backoffMs, attempt));
            clog("message failed; it will be delivered again", { consumer: o.durable, sequence: m.seq, attempt, error: describeError(error) });
            return;
          }
          const failed = message ?? {
            id: m.headers?.get("Nats-Msg-Id") || `${o.stream}-${m.seq}`,
            subject: m.subject,
            type: "undecodable",
            data: bodyText(m.data),
            occurredAt: m.time.toISOString(),
          };
          try {
            await deadLetter(m, failed, error, attempt);
          } catch (publishError) {
            m.nak(backoffFor(o.backoffMs, attempt));
            clog("could not dead-letter a message; it will be delivered again", { consumer: o.durable, sequence: m.seq, error: describeError(publishError) });
            return;
          }
          m.ack();
          clog("message dead-lettered", { consumer: o.durable, sequence: m.seq, attempts: attempt, error: describeError(error) });
          return;
        }
        m.ack();
      };

      const done = (async () => {
        let delay = RETRY_FIRST_MS;
        let ensured = false;
        let consumer: Awaited<ReturnType<JetStreamClient["consumers"]["get"]>> | undefined;
        while (!stopping) {
          try {
            const { js, jsm } = await open();
            if (!ensured) {
              await ensureConsumer(jsm, o);
              ensured = true;
            }
            // Looked up once (again after a failure), not per pull: each lookup is a request to the server.
            consumer ??= await js.consumers.get(o.stream, o.durable);
            const batch = await consumer.fetch({ max_messages: Math.max(10, o.concurrency * 4), expires: FETCH_EXPIRES_MS });
            current = batch;
            for await (const m of batch) {
              await queue.add(orderingKeyOf(m.subject), () => handleOne(m));
            }
            // The next pull goes out at once, while this one's last messages are still being handled (the queue
            // bounds how many run; their order per aggregate holds across pulls): waiting for the slowest of a
            // pull before asking for more held every message published meanwhile back by that long.
            delay = RETRY_FIRST_MS;
          } catch (error) {
            consumer = undefined;
            await queue.idle();
            if (stopping || closed) break;
            if (error instanceof MessagingError && error.code === "VALIDATION") throw error;
            clog("consumer cannot fetch; trying again", { consumer: o.durable, error: describeError(error), retryInMs: delay });
            await sleep(delay);
            delay = Math.min(delay * 2, RETRY_MAX_MS);
          } finally {
            current = undefined;
          }
        }
        // Stopping: the messages in hand finish (and are acked) before the consumer counts as stopped.
        await queue.idle();
      })();
      done.catch((error) => clog("consumer stopped on an error", { consumer: o.durable, error: describeError(error) }));
      const handleRef = {
        async stop() {
          stopping = true;
          current?.stop();
          await done.catch(() => {});
          consumers.delete(handleRef);
        },
      };
      consumers.add(handleRef);
      return { stop: handleRef.stop, done };
    },

    async stats() {
      const { jsm } = await open();
      const streams: StreamStats[] = [];
      const consumerStats: ConsumerStats[] = [];
      for (const name of [...known].sort()) {
        let info;
        try {
          info = await jsm.streams.info(name);
        } catch (error) {
          if (isNotFound(error, STREAM_NOT_FOUND)) continue;
          throw error;
        }
        const c = info.config;
        streams.push({
          name,
          subjects: c.subjects ?? [],
          messages: info.state.messages,
          bytes: info.state.bytes,
          firstSequence: info.state.first_seq,
          lastSequence: info.state.last_seq,
          consumers: info.state.consumer_count,
          limits: {
            maxAgeMs: Math.round(c.max_age / NANOS_PER_MS),
            maxMessages: c.max_msgs,
            maxBytes: c.max_bytes,
            duplicateWindowMs: Math.round((c.duplicate_window ?? 0) / NANOS_PER_MS),
          },
        });
        for await (const ci of jsm.consumers.list(name)) {
          consumerStats.push({
            stream: name,
            name: ci.name,
            filterSubject: ci.config.filter_subject ?? null,
            pending: ci.num_pending,
            ackPending: ci.num_ack_pending,
            redelivered: ci.num_redelivered,
            ackFloor: ci.ack_floor.stream_seq,
            delivered: ci.delivered.stream_seq,
          });
        }
      }
      return { streams, consumers: consumerStats };
    },

    async deadLetters({ limit = 100 } = {}) {
      const { jsm } = await open();
      let info;
      try {
        info = await jsm.streams.info(deadLetterSpec.name);
      } catch (error) {
        if (isNotFound(error, STREAM_NOT_FOUND)) return [];
        throw error;
      }
      const letters: DeadLetter[] = [];
      for (let seq = info.state.first_seq; seq <= info.state.last_seq && letters.length < limit && info.state.messages > 0; seq++) {
        const stored = await jsm.streams.getMessage(deadLetterSpec.name, { seq }).catch(() => null);
        if (!stored) continue;
        const record = stored.json<DeadLetterRecord>();
        letters.push({
          id: String(stored.seq),
          message: record.message,
          stream: record.stream,
          consumer: record.consumer,
          error: record.error,
          attempts: record.attempts,
          deadAt: record.deadAt,
        });
      }
      return letters;
    },

    async retryDeadLetter(id) {
      const seq = Number(id);
      if (!/^\d+$/.test(id) || !Number.isSafeInteger(seq) || seq < 1) throw new MessagingError("VALIDATION", `dead letter id must be a sequence number, got ${JSON.stringify(id)}`);
      const { jsm } = await open();
      const stored = await jsm.streams.getMessage(deadLetterSpec.name, { seq }).catch(() => null);
      if (!stored) throw new MessagingError("NOT_FOUND", `no dead letter ${id}`);
      const record = stored.json<DeadLetterRecord>();
      // A fresh broker id (the original is still inside the duplicate window); the message keeps its own id, which
      // is what receivers de-duplicate on.
      await publishTo(record.message.subject, record.message, `${record.message.id}:retry:${id}`);
      await jsm.streams.deleteMessage(deadLetterSpec.name, seq);
    },

    async close() {
      if (closed) return;
      await Promise.all([...consumers].map((c) => c.stop()));
      closed = true;
      const open = nc;
      await open?.drain().catch(() => open.close());
    },
  };
  return transport;
}

import { sql } from "drizzle-orm";
import { query, type Database, type Executor } from "./db/database.ts";
import { appendStatement, explainRefusal, lockStreams, pgErrorOf, type RecordRow } from "./append.ts";
import { DuplicateEventError, ValidationError } from "./errors.ts";
import { createNotifier } from "./notifier.ts";
import { protectionOf, revealEvents } from "./personal-data/protection.ts";
import { headCheckpoint, readAllBatches, readStream } from "./read.ts";
import { subscribe, type EventHandler, type SubscribeOptions, type Subscription } from "./subscribe.ts";
import { DEFAULT_MAX_EVENT_BYTES, streamTypeOf, prepareEvents, validateExpectedVersion } from "./validate.ts";
import type { AppendOptions, AppendResult, Checkpoint, NewEvent, ReadAllOptions, ReadStreamOptions, StoredEvent } from "./types.ts";

export interface TransactionOptions {
  streams?: string[];
}

export interface EventStoreOptions {
  /** Largest accepted event (data + metadata as JSON, in bytes); default 256 KiB. */
  maxEventBytes?: number;
}

/** What can run inside one database transaction: appends and reads that commit or roll back together. */
export interface EventStoreSession {
  /** The drizzle transaction, for read-model writes that must commit with the events (inline projections). */
  readonly executor: Executor;
  append(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  streamVersion(streamId: string): Promise<number>;
}

export interface EventStore extends EventStoreSession {
  readonly database: Database;
  readAll(options?: ReadAllOptions): AsyncGenerator<StoredEvent>;
  readAllBatches(options?: ReadAllOptions): AsyncGenerator<StoredEvent[]>;
  headCheckpoint(): Promise<Checkpoint>;
  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription;
  /**
   * Runs `work` in one transaction; subscribers are woken after it commits. A transaction that appends to more
   * than one stream must name them in `streams`: they are locked before anything is written, which keeps every
   * stream in version order for readers. An append to an unnamed stream after the first write is refused.
   */
  transaction<T>(work: (session: EventStoreSession) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * One stream's append and its command's row in ONE statement, which is its own transaction: the command handler's
   * common case, without the BEGIN and COMMIT round trips of `transaction`. For events that carry no personal data
   * (a new subject key would be written apart from them). A conflict is a ConcurrencyError and a command id recorded
   * already fails on its unique key, with nothing written; events stored already (with the same content) answer as
   * `append` does, idempotent, and then no row is written either: the caller records that answer if it wants to.
   */
  appendRecorded(streamId: string, events: NewEvent[], options: AppendOptions, record: RecordRow): Promise<AppendResult>;
}

export function createEventStore(database: Database, options: EventStoreOptions = {}): EventStore {
  const maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  const notify = createNotifier(database);

  const session = (
    executor: Executor,
    inTransaction: boolean,
    onAppend: () => void,
    locked: ReadonlySet<string> = new Set(),
  ): EventStoreSession => ({
    executor,
    async append(streamId, events, appendOptions = {}) {
      // Everything is checked before the database is touched.
      const streamType = streamTypeOf(streamId);
      const expected = validateExpectedVersion(appendOptions.expectedVersion ?? "any");
      // Personal fields are encrypted first, so the size limit and the idempotency check see what is stored.
      const protection = protectionOf(database);
      let lockedForKey = false;
      const lockForKey = async () => {
        // A new subject key is written before the events: take the stream's lock before that first write, as the
        // append statement would (see appendStatement), so this transaction's id still follows the stream's order.
        if (!inTransaction || locked.has(streamId)) return;
        const [tx] = await query<{ had: boolean }>(executor, sql`select pg_current_xact_id_if_assigned() is not null as had`);
        await lockStreams(executor, [streamId]);
        lockedForKey = !tx!.had;
      };
      const prepared = prepareEvents(protection && Array.isArray(events) ? await protection.protect(executor, events, lockForKey) : events, maxEventBytes);
      let rows;
      try {
        rows = await appendStatement(executor, streamId, streamType, prepared, expected, inTransaction);
      } catch (error) {
        if (pgErrorOf(error)?.code !== "23505") throw error;
        // A concurrent append stored one of these ids (or the version) first. Outside a transaction we can look;
        // inside one, the transaction is aborted: the caller retries and then gets the idempotent answer.
        if (inTransaction) {
          throw new DuplicateEventError(prepared[0]!.eventId, "a concurrent append stored the same event id first; retry");
        }
        return explainRefusal(executor, streamId, prepared, expected);
      }
      if (rows.length === 0) return explainRefusal(executor, streamId, prepared, expected);
      if (rows[0]!.hadTxId && !locked.has(streamId) && !lockedForKey) {
        // Throwing rolls the whole transaction back: nothing of it is written.
        throw new ValidationError(
          `appended after the transaction's first write; name every stream in transaction(work, { streams })`,
          "streamId",
        );
      }
      onAppend();
      return appendedResult(streamId, rows);
    },
    readStream: async (streamId, readOptions) => {
      streamTypeOf(streamId);
      return revealEvents(database, executor, await readStream(executor, streamId, readOptions));
    },
    async streamVersion(streamId) {
      streamTypeOf(streamId);
      const [row] = await query<{ version: string }>(executor, sql`select version from streams where stream_id = ${streamId}`);
      return row ? Number(row.version) : 0;
    },
  });

  const root = session(database.db, false, notify);
  return {
    ...root,
    database,
    async *readAll(readOptions = {}) {
      for await (const batch of readAllBatches(database.db, readOptions.after, readOptions.batchSize, readOptions.filter)) {
        yield* await revealEvents(database, database.db, batch);
      }
    },
    async *readAllBatches(readOptions = {}) {
      for await (const batch of readAllBatches(database.db, readOptions.after, readOptions.batchSize, readOptions.filter)) {
        yield await revealEvents(database, database.db, batch);
      }
    },
    async appendRecorded(streamId, events, appendOptions, record) {
      const streamType = streamTypeOf(streamId);
      const expected = validateExpectedVersion(appendOptions.expectedVersion ?? "any");
      const protection = protectionOf(database);
      if (protection?.carriesPersonalData(events)) {
        throw new ValidationError("events with personal data are appended in a transaction (their subject key is written with them)", "events");
      }
      const prepared = prepareEvents(events, maxEventBytes);
      let rows;
      try {
        rows = await appendStatement(database.db, streamId, streamType, prepared, expected, false, record);
      } catch (error) {
        const pgError = pgErrorOf(error);
        // The command id recorded already: the caller looks its first outcome up.
        if (pgError?.code !== "23505" || pgError.constraint === "commands_pkey") throw error;
        return explainRefusal(database.db, streamId, prepared, expected);
      }
      if (rows.length === 0) return explainRefusal(database.db, streamId, prepared, expected);
      notify();
      return appendedResult(streamId, rows);
    },
    headCheckpoint: () => headCheckpoint(database.db),
    subscribe: (subscribeOptions, handler) => subscribe(database, database.db, subscribeOptions, handler),
    async transaction(work, transactionOptions = {}) {
      const streamIds = transactionOptions.streams ?? [];
      streamIds.forEach(streamTypeOf);
      let appended = false;
      const result = await database.db.transaction(async (tx) => {
        if (streamIds.length > 0) await lockStreams(tx, streamIds);
        return work(session(tx, true, () => (appended = true), new Set(streamIds)));
      });
      if (appended) notify();
      return result;
    },
  };
}

/** What an append that wrote its rows answers: the stream's new version, the rows' positions, the last checkpoint. */
function appendedResult(streamId: string, rows: readonly { streamVersion: number; position: number; txId: number }[]): AppendResult {
  const last = rows[rows.length - 1]!;
  return {
    streamId,
    nextExpectedVersion: last.streamVersion,
    positions: rows.map((r) => r.position),
    checkpoint: { txId: last.txId, position: last.position },
    idempotent: false,
  };
}

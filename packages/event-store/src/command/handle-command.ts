import { ConcurrencyError, ConfigurationError, ValidationError } from "../errors.ts";
import { newEventId } from "../ids.ts";
import { toJsonObject } from "../validate.ts";
import type { EventStore } from "../store.ts";
import { createSnapshotter } from "../snapshots/snapshotter.ts";
import { appendDecisions } from "./append-decisions.ts";
import { validateCommandId } from "./command-ids.ts";
import { lookupCommand } from "./command-table.ts";
import { decideLoading, lookupLoading } from "./decide-loading.ts";
import type { LoadedStream, StreamModels } from "../stream-model.ts";
import type { CommandHandler, CommandHandlerOptions, CommandOutcome, CommandRecord, HandleCommandResult } from "./types.ts";

/**
 * Load → decide → append, generic over any decider: each stream's state comes from its latest snapshot plus the
 * events after it; the decided events are appended with the expected version of every stream read, atomically;
 * a conflict reloads and decides again, a bounded number of times, then surfaces the typed ConcurrencyError.
 * A command id makes it idempotent (see `Command.commandId`).
 */
export function createCommandHandler<E, M extends StreamModels<E>>(
  store: EventStore,
  options: CommandHandlerOptions<E, M>,
): CommandHandler<M> {
  const { streamTypes, read } = options;
  checkModels(streamTypes);
  const defaultAttempts = checkAttempts(options.maxAttempts ?? 3);
  const snapshotter = createSnapshotter(
    store,
    (streamType) => (Object.hasOwn(streamTypes, streamType) ? streamTypes[streamType] : undefined),
    read,
    options.onSnapshotError ?? ((error, streamId) => process.emitWarning(`snapshot of ${streamId} not taken: ${String(error)}`, "ChronicleSnapshotWarning")),
  );

  return {
    async handle(command) {
      const commandId = validateCommandId(command.commandId);
      const maxAttempts = checkAttempts(command.maxAttempts ?? defaultAttempts);
      const recordJson = command.record === undefined ? undefined : checkRecord(command.record);
      // Every try of this call records under the same id, so a made one is made once.
      const recordedId = commandId ?? (recordJson ? newEventId() : undefined);
      const repeated = (outcome: CommandOutcome, attempts: number): HandleCommandResult => ({ ...outcome, commandId, attempts, duplicate: true });
      for (let attempt = 1; ; attempt++) {
        const loaded = new Map<string, LoadedStream>();
        // Later attempts follow a failure that has just looked the id up. The first looks it up in the statement
        // that loads the streams the command names up front (`reads`), when it names any.
        if (commandId && attempt === 1) {
          const first = await lookupLoading(store, streamTypes, read, commandId, loaded, command.reads);
          if (first) return repeated(first, attempt);
        }
        let outcome: CommandOutcome | undefined;
        try {
          const decisions = await decideLoading(store, streamTypes, read, command.decide, loaded, command.reads);
          const writes = decisions.filter((d) => d.events.length > 0);
          // Without an id there is nothing to record; with one, even "nothing to do" is the answer to repeat.
          const recording = recordedId ? { commandId: recordedId, idempotent: commandId !== undefined, recordJson, loaded } : undefined;
          outcome = writes.length === 0 && !commandId
            ? { appended: [], checkpoint: undefined }
            : await appendDecisions(store, writes, loaded, recording, command.metadata, options.inline ?? []);
        } catch (error) {
          // A concurrent copy of this command may have won: then this one failed on the command id, on an event id
          // derived from it, on the stream version, or its decision saw the winner's events and refused. Whatever
          // the failure, if the id is recorded now, the caller gets the first outcome, as a sequential repeat would.
          const first = commandId ? await lookupCommand(store.executor, commandId).catch(() => undefined) : undefined;
          if (first) return repeated(first, attempt);
          if (!(error instanceof ConcurrencyError) || attempt >= maxAttempts) throw error;
          await backoff(attempt);
          continue;
        }
        // Outside the try: once appended, nothing may send the command round again.
        snapshotter.afterAppend(outcome.appended, loaded);
        return { ...outcome, commandId: outcome.appended.length > 0 || commandId ? recordedId : undefined, attempts: attempt, duplicate: false };
      }
    },
    idle: () => snapshotter.idle(),
  };
}

/** The command to keep, as JSON text: checked like event data before anything is loaded or written. */
function checkRecord(record: CommandRecord): string {
  if (typeof record !== "object" || record === null || typeof record.type !== "string" || record.type.length === 0 || record.type.length > 128) {
    throw new ValidationError("must be { type, data, metadata? } with a type of 1 to 128 characters", "record");
  }
  return toJsonObject({ type: record.type, data: record.data, metadata: record.metadata ?? {} }, "record");
}

function checkAttempts(maxAttempts: number): number {
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
    throw new ConfigurationError(`maxAttempts must be a whole number from 1 to 100, got ${maxAttempts}`);
  }
  return maxAttempts;
}

function checkModels<E>(models: StreamModels<E>): void {
  for (const [streamType, model] of Object.entries(models)) {
    if (!Number.isSafeInteger(model.reducerVersion) || model.reducerVersion < 0 || model.reducerVersion > 2 ** 31 - 1) {
      throw new ConfigurationError(`stream type ${streamType}: reducerVersion must be a whole number >= 0 (a 32-bit integer)`);
    }
    const every = model.snapshotEvery;
    if (every !== undefined && (!Number.isSafeInteger(every) || every < 1)) {
      throw new ConfigurationError(`stream type ${streamType}: snapshotEvery must be a whole number >= 1, or unset`);
    }
  }
}

/**
 * A wait before deciding again after losing a version race, random within a window that doubles per attempt (5, 10,
 * 20 … ms, at most 200): writers that collided once would otherwise reload and collide again in lockstep.
 */
function backoff(attempt: number): Promise<void> {
  const window = Math.min(5 * 2 ** (attempt - 1), 200);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * window));
}

import type { RecordRow } from "../append.ts";
import { run, type Executor } from "../db/database.ts";
import type { LoadedStream } from "../stream-model.ts";
import type { CommandOutcome, CommandRecord, RecordedCommand } from "./types.ts";

const LOOKUP = "select result from commands where command_id = $1";
const RECORD = `insert into commands (command_id, stream_ids, result, command, read_versions)
  values ($1, string_to_array($2, ','), $3::text::jsonb, $4::text::jsonb, $5::text::jsonb)`;
const READ = `select command_id, result, command, read_versions, recorded_at::text as recorded_at from commands where command_id = $1`;

/** The outcome a command id was first handled with, if it was. */
export async function lookupCommand(executor: Executor, commandId: string): Promise<CommandOutcome | undefined> {
  const [row] = await run<{ result: { appended: CommandOutcome["appended"]; checkpoint?: CommandOutcome["checkpoint"] } }>(
    executor,
    LOOKUP,
    [commandId],
  );
  return row ? outcomeOf(row.result) : undefined;
}

/** What a command's row holds: the command itself, the versions its decision read, and its outcome. */
export async function readCommandRecord(executor: Executor, commandId: string): Promise<RecordedCommand | undefined> {
  const [row] = await run<{ command_id: string; result: CommandOutcome; command: CommandRecord | null; read_versions: Record<string, number> | null; recorded_at: string }>(
    executor,
    READ,
    [commandId],
  );
  if (!row) return undefined;
  return { commandId: row.command_id, command: row.command, readVersions: row.read_versions, outcome: outcomeOf(row.result), recordedAt: row.recorded_at };
}

/** What the command handler knows when it records: the command as it came (JSON text) and what it read. */
export interface CommandToRecord {
  commandId: string;
  /** `CommandRecord` as checked JSON text, or undefined when the caller gave none. */
  recordJson: string | undefined;
  loaded: ReadonlyMap<string, LoadedStream>;
}

/**
 * Records a handled command inside the transaction of its appends, as its LAST write: the store refuses an append
 * to an unnamed stream after a transaction's first write, and only here is the outcome known. A second sender of
 * the same id fails here with a unique violation (after the first commits), which rolls its appends back.
 */
export async function recordCommand(executor: Executor, toRecord: CommandToRecord, outcome: CommandOutcome): Promise<void> {
  const streamIds = outcome.appended.map((r) => r.streamId).join(",");
  await run(executor, RECORD, [toRecord.commandId, streamIds, JSON.stringify(outcome), toRecord.recordJson ?? null, readVersionsOf(toRecord)]);
}

/** The row for an append statement that records the command itself (see `EventStore.appendRecorded`). */
export function recordRowOf(toRecord: CommandToRecord): RecordRow {
  return { commandId: toRecord.commandId, commandJson: toRecord.recordJson ?? null, readVersionsJson: readVersionsOf(toRecord) };
}

function readVersionsOf(toRecord: CommandToRecord): string {
  return JSON.stringify(Object.fromEntries([...toRecord.loaded].map(([streamId, stream]) => [streamId, stream.version])));
}

/** A commands row's `result` as the outcome a repeat answers with. */
export function outcomeOf(result: { appended: CommandOutcome["appended"]; checkpoint?: CommandOutcome["checkpoint"] }): CommandOutcome {
  return { appended: result.appended, checkpoint: result.checkpoint };
}

import { run, type Executor } from "../db/database.ts";
import type { CommandOutcome } from "./types.ts";

const LOOKUP = "select result from commands where command_id = $1";
const RECORD = "insert into commands (command_id, stream_ids, result) values ($1, string_to_array($2, ','), $3::text::jsonb)";

/** The outcome a command id was first handled with, if it was. */
export async function lookupCommand(executor: Executor, commandId: string): Promise<CommandOutcome | undefined> {
  const [row] = await run<{ result: { appended: CommandOutcome["appended"]; checkpoint?: CommandOutcome["checkpoint"] } }>(
    executor,
    LOOKUP,
    [commandId],
  );
  return row ? { appended: row.result.appended, checkpoint: row.result.checkpoint } : undefined;
}

/**
 * Records a handled command inside the transaction of its appends, as its LAST write: the store refuses an append
 * to an unnamed stream after a transaction's first write, and only here is the outcome known. A second sender of
 * the same id fails here with a unique violation (after the first commits), which rolls its appends back.
 */
export async function recordCommand(executor: Executor, commandId: string, outcome: CommandOutcome): Promise<void> {
  const streamIds = outcome.appended.map((r) => r.streamId).join(",");
  await run(executor, RECORD, [commandId, streamIds, JSON.stringify(outcome)]);
}

import { run, type Executor } from "../db/database.ts";

export interface StoredSnapshot {
  version: number;
  state: unknown;
}

// Fixed texts, prepared once per connection on Postgres: the read runs on every load of a snapshotted type.
const READ = "select version, state from snapshots where stream_id = $1 and reducer_version = $2";
// Keeps the newer row when two processes snapshot the same stream at once.
const WRITE = `insert into snapshots (stream_id, reducer_version, stream_type, version, state)
  values ($1, $2, $3, $4, $5::text::jsonb)
  on conflict (stream_id, reducer_version) do update
    set version = excluded.version, state = excluded.state, taken_at = now()
    where snapshots.version < excluded.version`;

export async function readSnapshot(executor: Executor, streamId: string, reducerVersion: number): Promise<StoredSnapshot | undefined> {
  const [row] = await run<{ version: string | number; state: unknown }>(executor, READ, [streamId, reducerVersion]);
  return row ? { version: Number(row.version), state: row.state } : undefined;
}

export async function writeSnapshot(
  executor: Executor,
  snapshot: { streamId: string; streamType: string; reducerVersion: number; version: number; stateJson: string },
): Promise<void> {
  const { streamId, reducerVersion, streamType, version, stateJson } = snapshot;
  await run(executor, WRITE, [streamId, reducerVersion, streamType, version, stateJson]);
}

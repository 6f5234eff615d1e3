import { createEventStore, openDatabase } from "./src/index.ts";
import postgres from "postgres";
const database = await openDatabase({ url: "postgres://postgres@127.0.0.1:5432/benchx", poolSize: 10 });
if (process.argv[2] === "nonotify") (database as any).notify = async () => {};
const store = createEventStore(database);
const raw = postgres("postgres://postgres@127.0.0.1:5432/benchx", { max: 10 });
await raw`create table if not exists raw_events (position bigint generated always as identity primary key, event_id uuid not null, stream_id text not null, stream_type text not null, stream_version bigint not null, type text not null, schema_version int not null default 1, data jsonb not null, metadata jsonb not null default '{}', recorded_at timestamptz not null default now())`;
const tag = Math.random().toString(36).slice(2, 8);
for (const kind of ["store", "raw", "store", "raw"]) {
  const c0 = process.cpuUsage(); const t = performance.now(); let n = 0;
  await Promise.all(Array.from({ length: 8 }, async (_, w) => { for (let i = 0; i < 400; i++) {
    if (kind === "store") await store.append(`x-${tag}${kind}${w}${n}`, [{ type: "A", data: { sku: "sku-1", quantity: 3, note: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" } }]);
    else await raw`insert into raw_events (event_id, stream_id, stream_type, stream_version, type, data, metadata) values (gen_random_uuid(), ${"s"+w}, 'b', ${i}, 'A', ${JSON.stringify({ sku: "sku-1", quantity: 3, note: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" })}::jsonb, '{}'::jsonb)`;
    n++; } }));
  const el = performance.now() - t; const cpu = process.cpuUsage(c0);
  console.log(kind, Math.round(n / (el / 1000)), "ev/s; node cpu per op", ((cpu.user + cpu.system) / n).toFixed(0), "us");
}
await database.close(); await raw.end();

import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

// postgres-js is the event store's dependency, not the web app's: borrow it from there rather than add one here.
const fromEventStore = createRequire(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../packages/event-store/package.json"));
type Sql = { unsafe(query: string): Promise<unknown>; end(): Promise<void> };
const postgres = fromEventStore("postgres") as (url: string, options: { max: number; onnotice: () => void }) => Sql;

async function onServer(serverUrl: string, query: string): Promise<void> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(query);
  } finally {
    await sql.end();
  }
}

/** A fresh database of its own on the server (as packages/event-store/src/testing does), dropped by `drop()`. */
export async function createBenchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `chronicle_webbench_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await onServer(serverUrl, `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `drop database if exists "${name}" with (force)`) };
}

import { mkdirSync } from "node:fs";
import { EventEmitter } from "node:events";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { ConfigurationError } from "../errors.ts";
import type { Database, DrizzleDatabase } from "./database.ts";

export type DatabaseConfig =
  /** Real Postgres through postgres-js. */
  | { url: string; poolSize?: number }
  /** Embedded PGlite; `dataDir` undefined keeps everything in memory (tests). */
  | { dataDir?: string };

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return "url" in config ? openPostgres(config.url, config.poolSize ?? 10) : openPglite(config.dataDir);
}

function openPostgres(url: string, poolSize: number): Database {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigurationError(`DATABASE_URL must start with postgres:// or postgresql://, got "${redact(url)}"`);
  }
  const client = postgres(url, { max: poolSize, onnotice: () => {}, connection: { application_name: "chronicle" } });
  return {
    driver: "postgres",
    db: drizzlePostgres({ client }) as unknown as DrizzleDatabase,
    async listen(channel, onNotify) {
      const { unlisten } = await client.listen(channel, () => onNotify());
      return unlisten;
    },
    async notify(channel) {
      await client.notify(channel, "");
    },
    async withDedicatedConnection(work) {
      const single = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "chronicle" } });
      try {
        return await work(drizzlePostgres({ client: single }) as unknown as DrizzleDatabase);
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  // PGlite does not create missing parent folders and reports it later as an unrelated migration failure.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  // PGlite lives inside this process, so every listener is here too: an emitter is enough and costs no query.
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const db = drizzlePglite({ client }) as unknown as DrizzleDatabase;
  return {
    driver: "pglite",
    db,
    async listen(channel, onNotify) {
      local.on(channel, onNotify);
      return async () => void local.off(channel, onNotify);
    },
    async notify(channel) {
      local.emit(channel);
    },
    // PGlite is one connection already.
    withDedicatedConnection: (work) => work(db),
    close: () => client.close(),
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/**
 * `npm start` (until the web app exists): open the database (embedded PGlite unless DATABASE_URL is set), apply
 * migrations, seed the demo story on a fresh install, then replay the log into projections and print them.
 */
import { seedDemo } from "@chronicle/application";
import { createEventStore, migrate, openDatabase } from "@chronicle/event-store";
import { loadEnv } from "./env.ts";
import { renderReport } from "./report.ts";

const env = loadEnv();
const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DIR });
try {
  console.log(env.DATABASE_URL
    ? "Chronicle on PostgreSQL (DATABASE_URL)"
    : `Chronicle on embedded PGlite in ${env.PGLITE_DIR} (no server needed; not crash-safe: PGlite runs with fsync off)`);
  await migrate(database);
  const store = createEventStore(database);
  const seeded = await seedDemo(store, (type, events) => console.log(`  command ${type.padEnd(22)} -> ${events} event(s)`));
  console.log(seeded.seeded
    ? `Seeded the demo: ${seeded.commands} commands, ${seeded.events} events.\n`
    : "The log already has history: nothing seeded (delete the data folder for a fresh demo).\n");
  console.log(await renderReport(store));
} finally {
  await database.close();
}

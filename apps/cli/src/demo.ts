/**
 * `pnpm demo`: open the database (embedded PGlite unless DATABASE_URL is set), apply migrations, seed the demo
 * story on a fresh install, then replay the log into the article's overview and the catalog and print them.
 */
import { seedDemo } from "@chronicle/application";
import { renderReport } from "./report.ts";
import { openCliPlatform } from "./open-platform.ts";

const platform = await openCliPlatform();
try {
  console.log(platform.env.DATABASE_URL
    ? "Chronicle on PostgreSQL (DATABASE_URL)"
    : `Chronicle on embedded PGlite in ${platform.env.PGLITE_DIR} (no server needed; not crash-safe: PGlite runs with fsync off)`);
  const seeded = await seedDemo(platform.store, (type, events) => console.log(`  command ${type.padEnd(22)} -> ${events} event(s)`));
  console.log(seeded.seeded
    ? `Seeded the demo: ${seeded.commands} commands, ${seeded.events} events.\n`
    : "The log already has history: nothing seeded (delete the data folder for a fresh demo).\n");
  console.log(await renderReport(platform.store));
} finally {
  await platform.close();
}

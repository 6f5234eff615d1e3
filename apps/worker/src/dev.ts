/**
 * `pnpm dev` (turbo) starts this next to `next dev`. PGlite is a database inside one process, and on the embedded
 * default the web process owns it and runs these services itself: a second process must not open the same folder.
 * With DATABASE_URL the worker runs here, restarted by `tsx watch` whenever its sources change.
 */
import { loadEnv } from "./env.ts";

if (loadEnv().DATABASE_URL) {
  await import("./main.ts");
} else {
  console.log("worker: on the embedded database the web process runs the projections and fulfillment; set DATABASE_URL to run the worker on its own.");
}

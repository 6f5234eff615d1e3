import "server-only";
import { demoAccounts } from "@chronicle/api";
import { getRuntime } from "./runtime";

/**
 * At server start: migrations, the demo on a fresh install and the worker's services on PGlite, so the first
 * visitor does not wait and a bad configuration stops the server at once, with the reason.
 */
export async function start(): Promise<void> {
  const runtime = await getRuntime();
  const lines = demoAccounts.map((a) => `    ${a.role.padEnd(8)} ${a.email.padEnd(24)} password: ${a.password}`);
  console.log(`\n  Chronicle is ready at ${runtime.origins[0]}\n  Demo sign-ins:\n${lines.join("\n")}\n`);
  // PGlite must be closed to keep its files sound; the worker's services finish their batch first.
  const stop = () => void runtime.close().finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

// Opens the runtime when the server starts (see server/start.ts). Node-only code lives in that module, so the
// edge bundle of this file never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./server/start")).start();
}

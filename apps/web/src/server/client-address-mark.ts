/**
 * Set by the web app's own server (server.ts), which writes the client's address into every request. When the app
 * runs without it (a plain `next start`), nothing vouches for that header, so the routes that read it drop it.
 */
const MARK = Symbol.for("chronicle.client-address-set-by-server");

export function markClientAddressServer(): void {
  (globalThis as Record<symbol, unknown>)[MARK] = true;
}

export function clientAddressIsVouchedFor(): boolean {
  return (globalThis as Record<symbol, unknown>)[MARK] === true;
}

/**
 * The web app's HTTP server: Next's request handler behind a node:http server that knows the TCP peer, which a route
 * handler never sees. It writes the client's address (the peer, or behind TRUSTED_PROXIES the right-most untrusted
 * X-Forwarded-For hop) into every request, over whatever the client sent, so rate limits and sessions key on an
 * address a client cannot choose. `npm start`, the e2e suite and docker-compose run this instead of `next start`.
 * It also serves /api/trpc itself, ahead of Next's router (src/server/trpc-node-handler.ts): the API's requests
 * skip Next's routing and rendering machinery, which cost them most of their time (measured: apps/web/bench).
 */
import { createServer } from "node:http";
import next from "next";
import { clientAddressResolver, createRenderQueue } from "@chronicle/platform/web-server";
import { CLIENT_ADDRESS_HEADER } from "@chronicle/api/client-address";
import { markClientAddressServer } from "./src/server/client-address-mark.ts";
import { loadWebEnv } from "./src/server/env.ts";
import { sharedRuntime } from "./src/server/shared-runtime.ts";
import { createTrpcNodeHandler } from "./src/server/trpc-node-handler.ts";

const env = loadWebEnv();
const addressOf = clientAddressResolver(env.TRUSTED_PROXIES);
const app = next({ dev: process.argv.includes("--dev"), dir: import.meta.dirname, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();
markClientAddressServer();
const handleTrpc = createTrpcNodeHandler(sharedRuntime);
// A few renders per core at once keep both cores busy while one waits for its data (see render-queue.ts).
const renderQueue = createRenderQueue({ concurrency: 8, slotTimeoutMs: 10_000 });

const server = createServer((request, response) => {
  const address = addressOf(request.socket.remoteAddress, request.headers["x-forwarded-for"]);
  request.headers[CLIENT_ADDRESS_HEADER] = address;
  // Next only fills X-Forwarded-For when it is missing: give it the vouched-for address, not the client's claim.
  request.headers["x-forwarded-for"] = address;
  // A refused body (413) may still be arriving: close the connection after the answer instead of leaving the
  // socket to read the rest into the next request.
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => typeof response;
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 413) response.setHeader("connection", "close");
    return writeHead(status, ...rest);
  }) as typeof response.writeHead;
  if (request.url?.startsWith("/api/trpc/")) {
    handleTrpc(request, response).catch((error: unknown) => {
      console.error("tRPC request failed outside tRPC", error);
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { message: "internal error" } }));
    });
    return;
  }
  if (request.url?.startsWith("/_next/") || request.url?.startsWith("/api/")) void handle(request, response);
  else renderQueue(request, response, () => void handle(request, response));
});
server.listen(env.PORT, () => console.log(`web: listening on port ${env.PORT}`));

// A stop signal: no new connections, idle keep-alive sockets closed; the runtime (started by instrumentation, see
// src/server/start.ts) closes the database on the same signal and exits. Should anything hang, exit anyway.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}

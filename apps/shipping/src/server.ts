import { createServer, type Server } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { shippingRouter, type ShippingApiContext } from "@chronicle/shipping";

/**
 * Shipping's tRPC over HTTP at /trpc (what the web app's @trpc/client calls), and /health for supervisors. Its
 * procedures only read: commands reach shipping through its inbox, never through this API.
 */
export function serveShippingApi(context: ShippingApiContext, options: { host: string; port: number }): Promise<Server> {
  const trpc = createHTTPHandler({ router: shippingRouter, createContext: () => context, basePath: "/trpc/" });
  const server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (url === "/health") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
      return;
    }
    if (url.startsWith("/trpc/")) {
      void trpc(request, response);
      return;
    }
    response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}

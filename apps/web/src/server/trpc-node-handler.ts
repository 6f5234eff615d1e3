import type { IncomingMessage, ServerResponse } from "node:http";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { appRouter, createContext } from "@chronicle/api";
import type { WebRuntime } from "@chronicle/platform";
import { MAX_BODY_BYTES, refuseTrpcRequest } from "./request-guard";
import { securityHeaders } from "./security-headers";

/**
 * /api/trpc served by the web server itself (server.ts), before Next's router: tRPC's node:http adapter on the
 * IncomingMessage, with the same checks as the route handler (request-guard.ts) and the body read once, bounded,
 * and handed to tRPC as text (no second Request built around a copy). Next's route for /api/trpc stays for
 * `next dev` and `next start`, which do not run server.ts.
 */
export function createTrpcNodeHandler(runtime: () => Promise<WebRuntime>) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const { key, value } of securityHeaders) response.setHeader(key, value);
    let services: WebRuntime;
    try {
      services = await runtime();
    } catch (error) {
      return json(response, 503, `the server cannot reach its database: ${error instanceof Error ? error.message : String(error)}`);
    }
    const header = (name: string) => {
      const value = request.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    };
    const refusal = refuseTrpcRequest({ method: request.method ?? "GET", url: request.url ?? "/", header }, services.origins);
    if (refusal) return json(response, refusal.status, refusal.message);
    if (request.method === "POST") {
      const body = await boundedBody(request);
      if (body === null) return json(response, 413, `body over ${MAX_BODY_BYTES} bytes`);
      // tRPC's adapter takes a body already read from `req.body` (a string is used as it is).
      (request as IncomingMessage & { body?: string }).body = body;
    }
    const path = new URL(request.url ?? "/", "http://localhost").pathname.slice("/api/trpc/".length);
    await nodeHTTPRequestHandler({
      req: request,
      res: response,
      path,
      router: appRouter,
      // The checks above ran; tRPC's own: no GET mutations, no form bodies (the JSON check already refused them).
      allowMethodOverride: false,
      // A renewed session cookie cache (after a database lookup) goes back to the browser with the answer.
      createContext: () => createContext(services.services, headersOf(request), { setCookie: (cookie) => response.appendHeader("set-cookie", cookie) }),
      onError: ({ error, path: procedure }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") services.services.log.error({ path: procedure, err: error.cause ?? error }, "tRPC request failed");
      },
    });
  };
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

/** The body as text with the size limit enforced while reading (a missing or lying content-length changes nothing). */
function boundedBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_BODY_BYTES) {
        cleanup();
        // The rest is not read: the answer closes the connection (see server.ts).
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
  });
}

function json(response: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ error: { message } });
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { resolveResponse } from "@trpc/server/http";
import { appRouter, createContext } from "@chronicle/api";
import type { WebRuntime } from "@chronicle/platform";
import { MAX_BODY_BYTES, refuseTrpcRequest } from "./request-guard";
import { securityHeaders } from "./security-headers";

/**
 * /api/trpc served by the web server itself (server.ts), before Next's router: tRPC's resolveResponse on the
 * IncomingMessage, with the same checks as the route handler (request-guard.ts), the body read once, bounded, the
 * headers copied once (for tRPC and the session alike), and a JSON answer written in one piece. Next's route for
 * /api/trpc stays for `next dev` and `next start`, which do not run server.ts.
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
    let body = "";
    if (request.method === "POST") {
      const read = await boundedBody(request);
      if (read === null) return json(response, 413, `body over ${MAX_BODY_BYTES} bytes`);
      body = read;
    }
    const url = new URL(request.url ?? "/", "http://localhost");
    const headers = headersOf(request);
    const aborted = new AbortController();
    const answer = await resolveResponse({
      req: requestOf(request, response, { url, headers, body, aborted }),
      path: url.pathname.slice("/api/trpc/".length),
      error: null,
      router: appRouter,
      // The checks above ran; tRPC's own: no GET mutations, no form bodies (the JSON check already refused them).
      allowMethodOverride: false,
      // A renewed session cookie cache (after a database lookup) goes back to the browser with the answer.
      createContext: () => createContext(services.services, headers, { setCookie: (cookie) => response.appendHeader("set-cookie", cookie) }),
      onError: ({ error, path: procedure }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") services.services.log.error({ path: procedure, err: error.cause ?? error }, "tRPC request failed");
      },
    });
    await writeAnswer(answer, response, aborted.signal);
  };
}

/**
 * The request as tRPC's resolveResponse reads it (method, url, headers, signal, the JSON body), without building a
 * fetch Request: its constructor (a second AbortSignal tied to the first, another copy of the headers) and the
 * web-stream copy of the answer were much of tRPC's node adapter's cost per request (measured: `bench:profile
 * catalog`). Only JSON bodies reach here (request-guard).
 */
function requestOf(
  request: IncomingMessage,
  response: ServerResponse,
  { url, headers, body, aborted }: { url: URL; headers: Headers; body: string; aborted: AbortController },
): Request {
  // As tRPC's adapter does: a client that leaves before its answer is written aborts the procedures' signal.
  const onAbort = () => {
    response.off("close", onClose);
    request.off("aborted", onAbort);
    aborted.abort();
  };
  const onClose = () => {
    if (response.writableEnded) request.off("aborted", onAbort);
    else onAbort();
  };
  response.once("close", onClose);
  request.once("aborted", onAbort);
  const lean = {
    method: request.method ?? "GET",
    url: url.href,
    headers,
    signal: aborted.signal,
    body: null,
    json: async () => JSON.parse(body) as unknown,
    text: async () => body,
    formData: () => Promise.reject(new TypeError("not a form body")),
  };
  return lean as unknown as Request;
}

/**
 * An answer of one JSON document is written in one piece with its length; a stream (a subscription's events) as
 * tRPC's adapter writes it, chunk by chunk until the client leaves.
 */
async function writeAnswer(answer: Response, response: ServerResponse, aborted: AbortSignal): Promise<void> {
  if (response.statusCode === 200) response.statusCode = answer.status;
  const streamed = answer.headers.get("content-type") !== "application/json" || answer.headers.has("transfer-encoding");
  answer.headers.forEach((value, key) => {
    if (key !== "set-cookie") response.setHeader(key, value);
  });
  for (const cookie of answer.headers.getSetCookie()) response.appendHeader("set-cookie", cookie);
  if (!answer.body) {
    response.end();
    return;
  }
  if (!streamed) {
    const body = Buffer.from(await answer.arrayBuffer());
    response.setHeader("content-length", body.length);
    response.end(body);
    return;
  }
  // Cancelling the stream when the client leaves ends the procedures streaming into it (tRPC's abortOnCancel).
  const reader = answer.body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  aborted.addEventListener("abort", cancel, { once: true });
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (!response.write(chunk.value)) await drained(response);
      (response as ServerResponse & { flush?(): void }).flush?.();
    }
  } finally {
    aborted.removeEventListener("abort", cancel);
    response.end();
  }
}

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.once("drain", done);
    response.once("close", done);
  });
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

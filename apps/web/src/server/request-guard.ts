/**
 * The checks /api/trpc makes before tRPC reads anything, on plain values, so that the route handler (a Request)
 * and the web server's own tRPC handler (node:http, see server.ts) share them. No "server-only" here: server.ts
 * imports it outside Next's bundler.
 */

/** Largest tRPC request body we read (a command is a few hundred bytes). */
export const MAX_BODY_BYTES = 64 * 1024;
/** Most calls one batched request may carry. */
export const MAX_BATCH = 10;

export type Refusal = { status: number; message: string };

export interface GuardedRequest {
  method: string;
  /** The request's URL (absolute, or a path with a query). */
  url: string;
  header(name: string): string | null;
}

/**
 * Cross-site request forgery and abuse guard for /api/trpc. A foreign page can send simple POSTs (text/plain,
 * multipart/form-data, urlencoded) with the user's cookies; it cannot send a JSON content type or fake the Origin
 * header. So a mutation must be JSON and come from an allowed origin.
 */
export function refuseTrpcRequest(request: GuardedRequest, allowedOrigins: readonly string[]): Refusal | null {
  const url = new URL(request.url, "http://localhost");
  const batch = url.searchParams.get("batch") === "1" ? url.pathname.split("/").pop()!.split(",").length : 1;
  if (batch > MAX_BATCH) return { status: 413, message: `at most ${MAX_BATCH} calls per batch` };
  if (request.method !== "POST") return null;
  const contentType = (request.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (contentType !== "application/json") return { status: 415, message: "mutations take application/json only" };
  const origin = request.header("origin");
  if (!origin || !allowedOrigins.includes(origin)) return { status: 403, message: "cross-site request refused" };
  const length = Number(request.header("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) return { status: 413, message: `body over ${MAX_BODY_BYTES} bytes` };
  return null;
}

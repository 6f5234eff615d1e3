import "server-only";

/** Largest tRPC request body we read (a command is a few hundred bytes). */
export const MAX_BODY_BYTES = 64 * 1024;
/** Most calls one batched request may carry. */
export const MAX_BATCH = 10;

export type Refusal = { status: number; message: string };

/**
 * Cross-site request forgery and abuse guard for /api/trpc, checked before tRPC reads anything. A foreign page can
 * send simple POSTs (text/plain, multipart/form-data, urlencoded) with the user's cookies; it cannot send a JSON
 * content type or fake the Origin header. So a mutation must be JSON and come from an allowed origin.
 */
export function refuseRequest(request: Request, allowedOrigins: readonly string[]): Refusal | null {
  const url = new URL(request.url);
  const batch = url.searchParams.get("batch") === "1" ? url.pathname.split("/").pop()!.split(",").length : 1;
  if (batch > MAX_BATCH) return { status: 413, message: `at most ${MAX_BATCH} calls per batch` };
  if (request.method !== "POST") return null;
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (contentType !== "application/json") return { status: 415, message: "mutations take application/json only" };
  const origin = request.headers.get("origin");
  if (!origin || !allowedOrigins.includes(origin)) return { status: 403, message: "cross-site request refused" };
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) return { status: 413, message: `body over ${MAX_BODY_BYTES} bytes` };
  return null;
}

/** Reads the body with the size limit enforced while streaming (a missing or lying content-length changes nothing). */
export async function boundedBody(request: Request): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

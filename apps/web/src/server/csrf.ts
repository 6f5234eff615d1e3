import "server-only";

import { MAX_BODY_BYTES, refuseTrpcRequest, type Refusal } from "./request-guard";

export { MAX_BATCH, MAX_BODY_BYTES, type Refusal } from "./request-guard";

/** The guard of request-guard.ts, for a route handler's Request. */
export function refuseRequest(request: Request, allowedOrigins: readonly string[]): Refusal | null {
  return refuseTrpcRequest({ method: request.method, url: request.url, header: (name) => request.headers.get(name) }, allowedOrigins);
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

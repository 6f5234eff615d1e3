import type { APIRequestContext, APIResponse } from "@playwright/test";
import { appOrigin } from "./env";

/** What tRPC answers for one non-batched call (no transformer in this app). */
export interface TrpcReply<T> {
  status: number;
  data?: T;
  error?: { code?: string; message?: string; fieldErrors?: Record<string, string[]> | null };
}

async function replyOf<T>(response: APIResponse): Promise<TrpcReply<T>> {
  const text = await response.text();
  let body: { result?: { data?: T }; error?: { message?: string; data?: { code?: string; fieldErrors?: Record<string, string[]> | null } } } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // A refusal before tRPC may not be JSON; the status says enough.
  }
  const error = body.error && { code: body.error.data?.code, message: body.error.message, fieldErrors: body.error.data?.fieldErrors };
  return { status: response.status(), data: body.result?.data, error };
}

/** A tRPC query over GET, with whatever cookies the request context carries. */
export async function trpcQuery<T = unknown>(request: APIRequestContext, path: string, input?: unknown): Promise<TrpcReply<T>> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return replyOf<T>(await request.get(`/api/trpc/${path}${query}`));
}

/** A tRPC mutation the way the app's own client sends it: JSON from the allowed origin. */
export async function trpcMutation<T = unknown>(request: APIRequestContext, path: string, input: unknown): Promise<TrpcReply<T>> {
  return replyOf<T>(
    await request.post(`/api/trpc/${path}`, { data: JSON.stringify(input), headers: { "content-type": "application/json", origin: appOrigin() } }),
  );
}

export interface Cart {
  userId: string;
  items: { productId: string; quantity: number }[];
}

export interface CatalogProduct {
  productId: string;
  name: string;
  price: { amount: number; currency: string };
}

export interface AuditEvent {
  eventId: string;
  type: string;
  streamId: string;
  streamVersion: number;
  metadata: Record<string, unknown>;
}

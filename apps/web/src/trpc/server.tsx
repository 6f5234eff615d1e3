import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { appRouter, createContext, type SessionUser } from "@chronicle/api";
import { getRuntime } from "~/server/runtime";
import { makeQueryClient } from "./query-client";

export const getQueryClient = cache(makeQueryClient);

const context = cache(async () => createContext((await getRuntime()).services, new Headers(await headers())));

/** Server components call procedures directly (no HTTP), with the request's session. */
export const trpc = createTRPCOptionsProxy({ ctx: context, router: appRouter, queryClient: getQueryClient });

export async function currentUser(): Promise<SessionUser | null> {
  return (await context()).user;
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(options: T): void {
  void getQueryClient().prefetchQuery(options);
}

/**
 * For a page about one thing (a product, an order, an event): prefetches it, and answers the page with a real 404
 * when the thing does not exist or its id cannot name one — not a 200 that says "not found". Other failures
 * (a customer on an admin page) render, and the page shows them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function prefetchOrNotFound<T extends ReturnType<TRPCQueryOptions<any>>>(options: T): Promise<void> {
  const client = getQueryClient();
  await client.prefetchQuery(options);
  const code = (client.getQueryState(options.queryKey)?.error as { code?: string } | null | undefined)?.code;
  if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
}

import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
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

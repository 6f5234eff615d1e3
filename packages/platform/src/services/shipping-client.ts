import { createTRPCClient, httpBatchLink, unstable_localLink, type TRPCClient } from "@trpc/client";
import { shippingRouter, type ShippingApiContext, type ShippingRouter } from "@chronicle/shipping";
import { ConfigurationError } from "@chronicle/event-store";

export type ShippingClient = TRPCClient<ShippingRouter>;

/**
 * The web app's typed client of the shipping service's API: over HTTP when shipping runs as a process of its own
 * (SHIPPING_URL), or through a local link to the service inside this process (the embedded default). Same calls,
 * same types, either way.
 */
export function createShippingClient(target: { url: string } | { local: ShippingApiContext }): ShippingClient {
  if ("url" in target) {
    if (!/^https?:\/\//.test(target.url)) throw new ConfigurationError(`SHIPPING_URL must be an http(s) URL, got "${target.url}"`);
    return createTRPCClient<ShippingRouter>({ links: [httpBatchLink({ url: target.url })] });
  }
  const context = target.local;
  return createTRPCClient<ShippingRouter>({ links: [unstable_localLink({ router: shippingRouter, createContext: async () => context })] });
}

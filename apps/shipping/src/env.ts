import { z } from "zod";
import { ConfigurationError } from "@chronicle/event-store";
import { parseEnv, PlatformEnvSchema } from "@chronicle/platform";

/** The shipping service's settings: the platform's (its database, NATS, the delays), plus where it listens. */
const ShippingEnvSchema = PlatformEnvSchema.extend({
  /** The port its tRPC API listens on (http://<host>:<port>/trpc). */
  SHIPPING_PORT: z.coerce.number().int().min(1).max(65_535).default(3100),
  /** The address it listens on: loopback by default, as its API is for the other services, not for browsers. */
  SHIPPING_HOST: z.string().min(1).default("127.0.0.1"),
  /** Shown as the leader of what this instance runs. */
  SHIPPING_ID: z.string().min(1).max(100).optional(),
});
export type ShippingProcessEnv = z.infer<typeof ShippingEnvSchema>;

/** The only place the service reads its environment: a bad or missing setting stops it, named. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): ShippingProcessEnv {
  const env = parseEnv(ShippingEnvSchema, source);
  if (!env.NATS_URL) {
    throw new ConfigurationError(
      "Invalid configuration:\n  NATS_URL: required when shipping runs as a process of its own (in-process messages cannot leave a process; without NATS the web app runs shipping inside itself)",
    );
  }
  return env;
}

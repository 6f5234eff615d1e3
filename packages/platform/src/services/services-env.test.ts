import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "@chronicle/event-store";
import { DEFAULT_PGLITE_DIR, DEFAULT_SHIPPING_PGLITE_DIR, parseEnv, PlatformEnvSchema, shippingPgliteDir } from "../env.ts";

const load = (source: Record<string, string>) => parseEnv(PlatformEnvSchema, source);

describe("the services' settings", () => {
  it("default to the embedded setup: no broker, shipping in its own PGlite folder next to the shop's", () => {
    const env = load({});
    expect(env).toMatchObject({ SHIP_DELAY_MS: 3000, DELIVERY_DELAY_MS: 5000 });
    expect(env.NATS_URL).toBeUndefined();
    expect(env.SHIPPING_DATABASE_URL).toBeUndefined();
    expect(shippingPgliteDir(env)).toBe(DEFAULT_SHIPPING_PGLITE_DIR);
    expect(path.dirname(DEFAULT_SHIPPING_PGLITE_DIR)).toBe(path.dirname(DEFAULT_PGLITE_DIR));
  });

  it("never put shipping's folder inside or on top of the shop's", () => {
    expect(shippingPgliteDir(load({ PGLITE_DIR: "/tmp/demo/shop/" }))).toBe("/tmp/demo/shop-shipping");
    expect(shippingPgliteDir(load({ PGLITE_DIR: "/tmp/demo/shop", SHIPPING_PGLITE_DIR: "/srv/shipping" }))).toBe("/srv/shipping");
  });

  it("take a broker, shipping's own database and its API's address", () => {
    const env = load({ NATS_URL: "nats://127.0.0.1:4222", SHIPPING_DATABASE_URL: "postgres://h/shipping", SHIPPING_URL: "http://127.0.0.1:3100/trpc" });
    expect(env).toMatchObject({ NATS_URL: "nats://127.0.0.1:4222", SHIPPING_DATABASE_URL: "postgres://h/shipping", SHIPPING_URL: "http://127.0.0.1:3100/trpc" });
  });

  it("refuse bad ones, each named, before anything starts", () => {
    const attempt = () => load({ NATS_URL: "http://127.0.0.1:4222", SHIPPING_DATABASE_URL: "mysql://x", SHIPPING_URL: "ftp://x", DELIVERY_DELAY_MS: "-1" });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(/NATS_URL: must be a nats:\/\/ URL/);
    expect(attempt).toThrow(/SHIPPING_DATABASE_URL: must be a postgres/);
    expect(attempt).toThrow(/SHIPPING_URL: must be an http\(s\) URL/);
    expect(attempt).toThrow(/DELIVERY_DELAY_MS/);
  });
});

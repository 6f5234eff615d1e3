import { describe, expect, it } from "vitest";
import { ConfigurationError } from "@chronicle/event-store";
import { loadEnv } from "./env.ts";

describe("the shipping process's settings", () => {
  it("need NATS_URL: a process of its own cannot use the in-process transport", () => {
    expect(() => loadEnv({})).toThrow(ConfigurationError);
    expect(() => loadEnv({})).toThrow(/NATS_URL: required when shipping runs as a process of its own/);
  });

  it("listen on loopback port 3100 by default, on their own database when given one", () => {
    const env = loadEnv({ NATS_URL: "nats://127.0.0.1:4222", SHIPPING_DATABASE_URL: "postgres://h/shipping" });
    expect(env).toMatchObject({ SHIPPING_PORT: 3100, SHIPPING_HOST: "127.0.0.1", SHIPPING_DATABASE_URL: "postgres://h/shipping" });
  });

  it("name each bad setting", () => {
    const attempt = () => loadEnv({ NATS_URL: "nats://127.0.0.1:4222", SHIPPING_PORT: "70000", SHIPPING_DATABASE_URL: "sqlite://x" });
    expect(attempt).toThrow(/SHIPPING_PORT/);
    expect(attempt).toThrow(/SHIPPING_DATABASE_URL: must be a postgres/);
  });
});

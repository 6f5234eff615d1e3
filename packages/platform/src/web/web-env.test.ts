import { describe, expect, it } from "vitest";
import { ConfigurationError } from "@chronicle/event-store";
import { parseEnv } from "../env.ts";
import { WebEnvSchema } from "./web-env.ts";

const loadWebEnv = (source: Record<string, string>) => parseEnv(WebEnvSchema, source);

describe("the web runtime's configuration", () => {
  it("has working defaults for the embedded demo", () => {
    const env = loadWebEnv({});
    expect(env).toMatchObject({ APP_ORIGIN: ["http://localhost:3000"], SEED_DEMO: true, SHIP_DELAY_MS: 3000 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("takes several allowed origins, normalized", () => {
    expect(loadWebEnv({ APP_ORIGIN: "https://shop.example.com/, http://localhost:3000" }).APP_ORIGIN).toEqual(["https://shop.example.com", "http://localhost:3000"]);
  });

  it("refuses bad settings with every reason, before anything starts", () => {
    const attempt = () => loadWebEnv({ DATABASE_URL: "mysql://x", APP_ORIGIN: "not a url", BETTER_AUTH_SECRET: "short", WORKER: "maybe" });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(/DATABASE_URL: must be a postgres/);
    expect(attempt).toThrow(/APP_ORIGIN: "not a url" is not an http\(s\) origin/);
    expect(attempt).toThrow(/BETTER_AUTH_SECRET: must be at least 32 characters/);
    expect(attempt).toThrow(/WORKER/);
  });
});

import { parseEnv, WebEnvSchema, type WebEnv } from "@chronicle/platform/web-server";

/** The only place the web app reads its environment (the platform's settings and its own): a bad one stops the start. */
export function loadWebEnv(): WebEnv {
  return parseEnv(WebEnvSchema, process.env);
}

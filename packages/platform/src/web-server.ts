// What the web app's own HTTP server needs before Next loads: its settings, the client address rule and the queue
// of page renders. A subpath of
// its own (`@chronicle/platform/web-server`), so that server does not load the whole platform beside Next's bundle.
export { parseEnv } from "./env.ts";
export { WebEnvSchema, type WebEnv } from "./web/web-env.ts";
export { clientAddressResolver } from "./web/client-address.ts";
export { createRenderQueue, type RenderQueue } from "./web/render-queue.ts";

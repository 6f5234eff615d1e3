import type { IncomingMessage, ServerResponse } from "node:http";

/** Runs `render` when the request's turn comes. */
export type RenderQueue = (request: IncomingMessage, response: ServerResponse, render: () => void) => void;

/**
 * Page renders admitted a few at a time, the rest waiting in arrival order. Fifty renders interleaved on two cores
 * take turns so unevenly (React and Next schedule their work in small tasks, and the newest request's tasks are as
 * likely to run next as the oldest's) that under a closed-loop load a few waited seconds while most took half a
 * second (measured: apps/web/bench, the catalog page's p99). Admitted in order, each waits for the renders ahead
 * of it and no longer. The web app's own server sends pages through it; static files
 * and the API skip it.
 */
export function createRenderQueue(options: { concurrency: number; slotTimeoutMs: number }): RenderQueue {
  let active = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    active--;
    waiting.shift()?.();
  };
  return (request, response, render) => {
    const start = () => {
      active++;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        clearTimeout(timer);
        next();
      };
      // A render that never ends (a client that stops reading, a stuck query) gives its turn back anyway.
      const timer = setTimeout(release, options.slotTimeoutMs);
      timer.unref();
      response.once("close", release);
      // A client that left while waiting needs no render.
      if (request.socket.destroyed) release();
      else render();
    };
    if (active < options.concurrency) start();
    else waiting.push(start);
  };
}

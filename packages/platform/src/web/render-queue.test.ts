import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRenderQueue } from "./render-queue.ts";

/** A request and its response, as far as the queue looks at them: the socket's state and the response's end. */
function exchange(options: { gone?: boolean } = {}) {
  const response = new EventEmitter();
  const request = { socket: { destroyed: options.gone ?? false } };
  return { request: request as unknown as IncomingMessage, response: response as unknown as ServerResponse, end: () => response.emit("close") };
}

describe("the page render queue", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs at most its concurrency at once, and the rest in arrival order as turns end", () => {
    const queue = createRenderQueue({ concurrency: 2, slotTimeoutMs: 60_000 });
    const started: number[] = [];
    const exchanges = [0, 1, 2, 3, 4].map((i) => {
      const e = exchange();
      queue(e.request, e.response, () => started.push(i));
      return e;
    });
    expect(started).toEqual([0, 1]);
    exchanges[1]!.end();
    expect(started).toEqual([0, 1, 2]);
    // A second close of the same response gives back nothing more.
    exchanges[1]!.end();
    expect(started).toEqual([0, 1, 2]);
    exchanges[0]!.end();
    exchanges[2]!.end();
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("renders nothing for a client that left while it waited, and passes its turn on", () => {
    const queue = createRenderQueue({ concurrency: 1, slotTimeoutMs: 60_000 });
    const started: string[] = [];
    const first = exchange();
    queue(first.request, first.response, () => started.push("first"));
    const gone = exchange({ gone: true });
    queue(gone.request, gone.response, () => started.push("gone"));
    const last = exchange();
    queue(last.request, last.response, () => started.push("last"));
    first.end();
    expect(started).toEqual(["first", "last"]);
  });

  it("gives a turn back after its time limit when the response never ends", () => {
    vi.useFakeTimers();
    const queue = createRenderQueue({ concurrency: 1, slotTimeoutMs: 1_000 });
    const started: string[] = [];
    const stuck = exchange();
    queue(stuck.request, stuck.response, () => started.push("stuck"));
    const next = exchange();
    queue(next.request, next.response, () => started.push("next"));
    expect(started).toEqual(["stuck"]);
    vi.advanceTimersByTime(1_000);
    expect(started).toEqual(["stuck", "next"]);
    // Its late end does not free a second turn.
    stuck.end();
    const third = exchange();
    queue(third.request, third.response, () => started.push("third"));
    expect(started).toEqual(["stuck", "next"]);
  });
});

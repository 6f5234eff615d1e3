import { describe, expect, it } from "vitest";
import { createKeyedQueue, createSemaphore } from "./keyed-queue.ts";
import { backoffFor, subjectMatches } from "./validate.ts";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("keyed queue", () => {
  it("runs one key's tasks in order, other keys alongside, never more than its concurrency at once", async () => {
    const queue = createKeyedQueue(3);
    let running = 0;
    let most = 0;
    const done: string[] = [];
    for (let i = 0; i < 30; i++) {
      const key = `k${i % 4}`;
      await queue.add(key, async () => {
        running++;
        most = Math.max(most, running);
        await tick(Math.random() * 5);
        done.push(`${key}:${i}`);
        running--;
      });
    }
    await queue.idle();
    expect(done).toHaveLength(30);
    expect(most).toBeLessThanOrEqual(3);
    for (let k = 0; k < 4; k++) {
      const order = done.filter((d) => d.startsWith(`k${k}:`)).map((d) => Number(d.split(":")[1]));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it("goes on with a key after one of its tasks threw, and reports the throw to that task's caller", async () => {
    const queue = createKeyedQueue(2);
    const first = await queue.add("a", async () => {
      throw new Error("boom");
    });
    const ran: string[] = [];
    await queue.add("a", async () => void ran.push("after"));
    await expect(first.finished).rejects.toThrow("boom");
    await queue.idle();
    expect(ran).toEqual(["after"]);
  });
});

describe("semaphore", () => {
  it("lets at most its size hold it, and serves waiters first come, first served", async () => {
    const semaphore = createSemaphore(2);
    const order: number[] = [];
    await semaphore.acquire();
    await semaphore.acquire();
    const waiting = [3, 4].map((n) => semaphore.acquire().then(() => order.push(n)));
    await tick(5);
    expect(order).toEqual([]);
    semaphore.release();
    semaphore.release();
    await Promise.all(waiting);
    expect(order).toEqual([3, 4]);
  });
});

describe("subjects and backoff", () => {
  it("matches NATS wildcards: * one token, > the rest", () => {
    expect(subjectMatches("shop.>", "shop.order.confirmed.v1.o1")).toBe(true);
    expect(subjectMatches("shop.>", "shop")).toBe(false);
    expect(subjectMatches("shop.order.*.v1.*", "shop.order.cancelled.v1.o9")).toBe(true);
    expect(subjectMatches("shop.order.*", "shop.order.cancelled.v1")).toBe(false);
    expect(subjectMatches("shop.order", "shop.order")).toBe(true);
  });

  it("pauses by the n-th entry after the n-th failure, the last one repeating", () => {
    expect([1, 2, 3, 4, 9].map((n) => backoffFor([100, 500, 2000], n))).toEqual([100, 500, 2000, 2000, 2000]);
  });
});

import { describe, expect, it } from "vitest";
import { createKeyedQueue } from "./keyed-queue.ts";

describe("commands take turns per stream", () => {
  it("runs the work of one key one at a time, in arrival order; other keys alongside", async () => {
    const inTurn = createKeyedQueue();
    const log: string[] = [];
    const step = (name: string, ms: number) => async () => {
      log.push(`${name} start`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([inTurn("cart-1", step("a", 30)), inTurn("cart-1", step("b", 1)), inTurn("cart-2", step("c", 1))]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(log.indexOf("b start")).toBeGreaterThan(log.indexOf("a end"));
    expect(log.indexOf("c start")).toBeLessThan(log.indexOf("a end"));
  });

  it("a failed turn does not block the next one", async () => {
    const inTurn = createKeyedQueue();
    const failed = inTurn("k", async () => {
      throw new Error("refused");
    });
    await expect(failed).rejects.toThrow("refused");
    await expect(inTurn("k", async () => "next")).resolves.toBe("next");
  });

  it("a turn that never ends holds the next one back at most the longest wait", async () => {
    const inTurn = createKeyedQueue(50);
    void inTurn("stuck", () => new Promise(() => {}));
    await expect(inTurn("stuck", async () => "went ahead")).resolves.toBe("went ahead");
  });
});

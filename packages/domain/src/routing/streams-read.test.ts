import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../commands/shop-command.ts";
import { demoSeed } from "../demo/article-story.ts";
import { DomainError } from "../errors/domain-error.ts";
import { streamIds } from "../shared/stream-ids.ts";
import { commandSequenceArb } from "../testing/arbitraries.ts";
import { InMemoryShop } from "../testing/in-memory-shop.ts";
import type { ScheduledCommand } from "../demo/scheduled-command.ts";
import { routeCommand, type ShopStates } from "./route-command.ts";
import { streamsReadBy } from "./streams-read.ts";

/** The streams routeCommand reads for each command of the sequence, against what streamsReadBy names for it. */
function readsOf(commands: readonly ScheduledCommand[]) {
  const shop = new InMemoryShop();
  const checked: { type: string; read: string[]; named: string[] }[] = [];
  for (const { command, metadata } of commands) {
    let parsed;
    try {
      parsed = parseCommand(command);
    } catch (error) {
      // Refused before anything is read (the handler parses first, too).
      if (error instanceof DomainError) continue;
      throw error;
    }
    const read = new Set<string>();
    const recording: ShopStates = {
      user: (id) => (read.add(streamIds.user(id)), shop.user(id)),
      product: (id) => (read.add(streamIds.product(id)), shop.product(id)),
      cart: (id) => (read.add(streamIds.cart(id)), shop.cart(id)),
      order: (id) => (read.add(streamIds.order(id)), shop.order(id)),
    };
    try {
      routeCommand(recording, parsed, metadata);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
    checked.push({ type: parsed.type, read: [...read], named: streamsReadBy(shop, parsed) });
    try {
      shop.execute(parsed, metadata);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return checked;
}

describe("streamsReadBy", () => {
  it("names every stream the demo's commands read", () => {
    const checked = readsOf(demoSeed);
    for (const c of checked) expect(c.named, c.type).toEqual(expect.arrayContaining(c.read));
    const checkout = checked.find((c) => c.type === "PlaceOrder")!;
    // The story's checkout reads its order, its cart and every product in the cart.
    expect(checkout.read.filter((s) => s.startsWith("product-")).length).toBeGreaterThan(0);
  });

  it("names every stream routeCommand reads, for any sequence of commands", () => {
    fc.assert(
      fc.property(commandSequenceArb(), (commands) => {
        for (const c of readsOf(commands)) expect(c.named).toEqual(expect.arrayContaining(c.read));
      }),
      { numRuns: 200 },
    );
  });

  it("names a checkout's products only once its cart is known (the handler loads in rounds)", () => {
    const shop = new InMemoryShop().run(demoSeed);
    const emptyCart: Pick<ShopStates, "cart"> = { cart: (id) => new InMemoryShop().cart(id) };
    const placeOrder = parseCommand({ type: "PlaceOrder", data: { userId: "u-alice", orderId: "o-1" } });
    expect(streamsReadBy(emptyCart, placeOrder)).toEqual(["order-o-1", "cart-u-alice"]);
    expect(streamsReadBy(shop, placeOrder).slice(0, 2)).toEqual(["order-o-1", "cart-u-alice"]);
  });
});

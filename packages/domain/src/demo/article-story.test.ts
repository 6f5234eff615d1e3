import { describe, expect, it } from "vitest";
import { overviewReducer } from "../read-models/overview.ts";
import { fold } from "../replay/fold.ts";
import { InMemoryShop } from "../testing/in-memory-shop.ts";
import { articleStory, demoSeed } from "./article-story.ts";
import { demoCatalog, demoCatalogCommands } from "./demo-catalog.ts";

describe("the article's story", () => {
  it("folds into exactly the article's overview: Alice's order 1001 and empty cart, Bob's 1 x 102", () => {
    const shop = new InMemoryShop().run(demoSeed);
    expect(fold(overviewReducer, shop.events())).toEqual({
      users: [
        { userId: "1", name: "Alice" },
        { userId: "2", name: "Bob" },
      ],
      carts: { "1": [], "2": [{ productId: "102", quantity: 1 }] },
      orders: {
        "1": [
          {
            orderId: "1001",
            lines: [{ productId: "101", quantity: 2, unitPrice: { amount: 1200, currency: "EUR" } }],
            total: { amount: 2400, currency: "EUR" },
          },
        ],
        "2": [],
      },
    });
  });

  it("records the story's events stream by stream, with times from the commands' metadata", () => {
    const shop = new InMemoryShop().run(demoCatalogCommands);
    const before = shop.log().length;
    shop.run(articleStory);
    expect(shop.log().slice(before).map(({ streamId, event }) => `${streamId} ${event.type}`)).toEqual([
      "user-1 UserRegistered",
      "cart-1 ProductAddedToCart",
      "order-1001 OrderPlaced",
      "cart-1 CartCheckedOut",
      "user-2 UserRegistered",
      "cart-2 ProductAddedToCart",
    ]);
    expect(shop.order("1001")).toMatchObject({ status: "pending", placedAt: "2024-03-01T09:10:00.000Z" });
  });

  it("is pure data: the same seed gives the same log every time", () => {
    expect(new InMemoryShop().run(demoSeed).log()).toEqual(new InMemoryShop().run(demoSeed).log());
  });

  it("has a demo catalog with the article's products 101 and 102, each listed with stock", () => {
    const shop = new InMemoryShop().run(demoCatalogCommands);
    expect(demoCatalog.map((product) => product.productId)).toEqual(expect.arrayContaining(["101", "102"]));
    for (const product of demoCatalog) {
      expect(shop.product(product.productId)).toMatchObject({ status: "listed", stock: product.initialStock });
    }
  });
});

import { DomainError } from "@chronicle/domain";
import type { Executor, StoredEvent } from "@chronicle/event-store";
import { describe, expect, it } from "vitest";
import { ProjectionError } from "../errors.ts";
import { shopProjections } from "./shop-projections.ts";

/** An executor that fails the test if anything reaches the database. */
const untouchable: Executor = {
  execute: () => {
    throw new Error("a statement was issued");
  },
} as unknown as Executor;
const target = { executor: untouchable, table: (base: string) => base };

let position = 0;
function stored(streamId: string, type: string, data: Record<string, unknown>, schemaVersion = 1): StoredEvent {
  position += 1;
  return {
    eventId: `00000000-0000-7000-8000-${String(position).padStart(12, "0")}`,
    streamId,
    streamType: streamId.slice(0, streamId.indexOf("-")),
    streamVersion: 1,
    position,
    txId: 1000 + position,
    type,
    schemaVersion,
    data,
    metadata: {},
    recordedAt: "2024-03-01T09:00:00.000Z",
  };
}

/** A valid event of each projection's stream type, to put in front of the bad one. */
const validFor: Record<string, StoredEvent> = {
  product: stored("product-101", "StockReceived", { productId: "101", quantity: 1 }),
  cart: stored("cart-1", "ProductRemovedFromCart", { userId: "1", productId: "101" }),
  order: stored("order-1001", "OrderShipped", { orderId: "1001", shippedAt: "2024-03-01T09:00:00.000Z" }),
  user: stored("user-1", "UserEmailChanged", { userId: "1", email: "a@example.com" }),
};

describe.each(shopProjections.map((projection) => ({ projection, streamType: projection.streamTypes![0]! })))(
  "projection $projection.name",
  ({ projection, streamType }) => {
    const valid = validFor[streamType]!;
    const failure = (events: StoredEvent[]) => projection.apply(events, target).then(() => undefined, (error: unknown) => error);

    it("names itself and its rm_ tables as the runner expects, and reads one stream type", () => {
      expect(projection.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(projection.tables.length).toBeGreaterThan(0);
      for (const table of projection.tables) expect(table).toMatch(/^rm_[a-z_]+$/);
      expect(projection.streamTypes).toEqual([streamType]);
    });

    it("throws on an event type the domain does not know, before writing anything", async () => {
      const error = await failure([valid, stored(valid.streamId, "ProductRenamed", { productId: "101" })]);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "UNKNOWN_EVENT_TYPE" });
    });

    it("throws on a schema version the domain does not know, or data that fails its schema", async () => {
      expect(await failure([valid, { ...valid, schemaVersion: 9 }])).toMatchObject({ code: "UPCAST_FAILED" });
      expect(await failure([{ ...valid, data: {} }])).toMatchObject({ code: "UPCAST_FAILED" });
    });

    it("throws on an event of a stream type it does not read (never skips it)", async () => {
      const foreign = Object.entries(validFor).find(([type]) => type !== streamType)![1];
      const error = await failure([valid, foreign]);
      expect(error).toBeInstanceOf(ProjectionError);
      expect(error).toMatchObject({ code: "UNEXPECTED_EVENT" });
    });
  },
);

describe("shopProjections", () => {
  it("have unique names and own disjoint tables", () => {
    const names = shopProjections.map((projection) => projection.name);
    const tables = shopProjections.flatMap((projection) => projection.tables);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(tables).size).toBe(tables.length);
  });
});

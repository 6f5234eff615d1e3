import fc from "fast-check";
import type { ShopCommand } from "../commands/shop-command.ts";
import type { ScheduledCommand } from "../demo/scheduled-command.ts";

/** Small id pools so that random commands keep meeting the same streams (and so each other's state). */
export const ARB_USER_IDS = ["1", "2", "3"] as const;
export const ARB_PRODUCT_IDS = ["101", "102", "103"] as const;
/** "constructor" on purpose: a plain `record[id]` would find it on Object.prototype. */
export const ARB_ORDER_IDS = ["1001", "1002", "constructor"] as const;

const userId = fc.constantFrom(...ARB_USER_IDS);
const productId = fc.constantFrom(...ARB_PRODUCT_IDS);
const orderId = fc.constantFrom(...ARB_ORDER_IDS);
/** Mostly valid, sometimes not: invalid input must be refused, never recorded. */
const cartQuantity = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: 1, max: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 100, 1.5) },
);
/** Mostly EUR: a USD product now and then exercises the one-currency-per-order rule. */
const price = fc.record({ amount: fc.integer({ min: 0, max: 5000 }), currency: fc.constantFrom("EUR", "EUR", "EUR", "EUR", "USD") });
const command = <T extends ShopCommand["type"], D>(type: T, data: fc.Arbitrary<D>) => fc.record({ type: fc.constant(type), data });

export const shopCommandArb: fc.Arbitrary<ShopCommand> = fc.oneof(
  command("RegisterUser", fc.record({ userId, name: fc.constantFrom("Alice", "Bob"), email: fc.constantFrom("a@example.com", "no-at-sign") })),
  command("ChangeUserEmail", fc.record({ userId, email: fc.constantFrom("a@example.com", "b@example.com") })),
  { weight: 1, arbitrary: command("ListProduct", fc.record({ productId, sku: fc.constantFrom("SKU-1", "SKU-2"), name: fc.constant("Mug"), description: fc.constant(""), price })) },
  command("ChangePrice", fc.record({ productId, price })),
  command("DelistProduct", fc.record({ productId })),
  { weight: 3, arbitrary: command("ReceiveStock", fc.record({ productId, quantity: cartQuantity })) },
  command("AdjustStock", fc.record({ productId, delta: fc.integer({ min: -40, max: 40 }), reason: fc.constant("count") })),
  command("ReleaseStock", fc.record({ productId, orderId })),
  {
    weight: 2,
    arbitrary: command(
      "ReserveStock",
      fc.record({
        orderId,
        lines: fc.uniqueArray(fc.record({ productId, quantity: fc.integer({ min: 1, max: 30 }) }), {
          selector: (line) => line.productId,
          minLength: 1,
          maxLength: 3,
        }),
      }),
    ),
  },
  { weight: 6, arbitrary: command("AddProductToCart", fc.record({ userId, productId, quantity: cartQuantity })) },
  command("RemoveProductFromCart", fc.record({ userId, productId })),
  command("ChangeCartItemQuantity", fc.record({ userId, productId, quantity: cartQuantity })),
  { weight: 3, arbitrary: command("PlaceOrder", fc.record({ userId, orderId })) },
  command("CancelOrder", fc.record({ orderId })),
  { weight: 3, arbitrary: command("ConfirmOrder", fc.record({ orderId })) },
  command("RejectOrder", fc.record({ orderId, reason: fc.constant("out of stock") })),
  { weight: 2, arbitrary: command("ShipOrder", fc.record({ orderId, carrier: fc.constant("Chronicle Express"), trackingNumber: fc.constantFrom("CX-1001-7F3A", "CX-1002-0B1C") })) },
  command("MarkOrderDelivered", fc.record({ orderId })),
);

/** Any instant of 2024, as the UTC ISO string the schemas require. */
export const timestampArb = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 11, 31, 23, 59, 59) })
  .map((ms) => new Date(ms).toISOString());

export const scheduledCommandArb: fc.Arbitrary<ScheduledCommand> = fc.record({
  command: shopCommandArb,
  metadata: fc.record({ now: timestampArb }),
});

/** Every pool user registered and every pool product listed with some stock, so random commands meet real state. */
export const shopSetupArb: fc.Arbitrary<readonly ScheduledCommand[]> = fc
  .tuple(fc.array(price, { minLength: 3, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 3, maxLength: 3 }))
  .map(([prices, stocks]) => {
    const metadata = { now: "2024-01-01T00:00:00.000Z" };
    const products = ARB_PRODUCT_IDS.flatMap((productId, index): ScheduledCommand[] => [
      {
        command: { type: "ListProduct", data: { productId, sku: `SKU-${productId}`, name: "Mug", description: "", price: prices[index] ?? { amount: 100, currency: "EUR" } } },
        metadata,
      },
      { command: { type: "ReceiveStock", data: { productId, quantity: stocks[index] ?? 1 } }, metadata },
    ]);
    const users = ARB_USER_IDS.map((userId): ScheduledCommand => ({
      command: { type: "RegisterUser", data: { userId, name: `User ${userId}`, email: `user${userId}@example.com` } },
      metadata,
    }));
    return [...users, ...products];
  });

/** A set-up shop, then 10 to `maxLength` random commands (size "max": fast-check would otherwise keep arrays short). */
export const commandSequenceArb = (maxLength = 40): fc.Arbitrary<readonly ScheduledCommand[]> =>
  fc
    .tuple(shopSetupArb, fc.array(scheduledCommandArb, { minLength: 10, maxLength, size: "max" }))
    .map(([setup, commands]) => [...setup, ...commands]);

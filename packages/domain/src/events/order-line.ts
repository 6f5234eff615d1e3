import { z } from "zod";
import { PriceSchema, type Money } from "../shared/money.ts";
import { CartQuantitySchema, IdSchema } from "../shared/primitives.ts";

export const OrderLineSchema = z.object({
  productId: IdSchema,
  quantity: CartQuantitySchema,
  unitPrice: PriceSchema,
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

/** Σ quantity × unit price, in the lines' one currency (callers check that it is one). */
export function totalOf(lines: readonly OrderLine[], currency: string): Money {
  const amount = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice.amount, 0);
  return { amount, currency };
}

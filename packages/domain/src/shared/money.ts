import { z } from "zod";

/** Money is an integer amount of minor units (cents) plus an ISO 4217 code: no floating-point rounding, ever. */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, "a currency is an ISO 4217 code like EUR");

/** 1,000,000.00 in a two-decimal currency: with MAX_CART_QUANTITY and MAX_CART_LINES a total stays < 2^53. */
export const MAX_PRICE_AMOUNT = 100_000_000;

export const PriceSchema = z.object({
  amount: z.int().min(0).max(MAX_PRICE_AMOUNT),
  currency: CurrencySchema,
});

/** Totals are unbounded sums of prices, so only "a whole, non-negative number of minor units". */
export const MoneySchema = z.object({
  amount: z.int().min(0),
  currency: CurrencySchema,
});

export type Price = z.infer<typeof PriceSchema>;
export type Money = z.infer<typeof MoneySchema>;

export function sameMoney(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}

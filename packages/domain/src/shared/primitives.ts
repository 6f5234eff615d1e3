import { z } from "zod";

/**
 * Ids are caller-supplied strings ("1", "101" in the article's story; UUIDs later). The narrow charset keeps
 * stream ids like `cart-<userId>` unambiguous and URL-safe (a subset of what the event store accepts).
 */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "an id is 1-64 letters, digits, '-' or '_', starting with a letter or digit");

export const NameSchema = z.string().trim().min(1).max(200);
export const DescriptionSchema = z.string().trim().max(2000);
export const ReasonSchema = z.string().trim().min(1).max(500);
export const SkuSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, "a SKU is 1-40 letters, digits, '.', '_' or '-'");
export const EmailAddressSchema = z.email().max(254);

/** UTC only ("...Z"): sales per day buckets by the date part, which must not depend on a writer's offset. */
export const IsoTimestampSchema = z.iso.datetime();

/** A shopper's quantity per cart line / order line: a sane upper bound stops typos like 1000 instead of 10. */
export const MAX_CART_QUANTITY = 99;
export const CartQuantitySchema = z.int().min(1).max(MAX_CART_QUANTITY);

/** Distinct products per cart: keeps an order's total far inside safe-integer arithmetic. */
export const MAX_CART_LINES = 50;

/** Units per stock movement, and the most a product may hold: bounded so sums stay exact integers. */
export const MAX_STOCK_MOVEMENT = 1_000_000;
export const MAX_STOCK_LEVEL = 1_000_000_000;
export const StockQuantitySchema = z.int().min(1).max(MAX_STOCK_MOVEMENT);
export const StockLevelSchema = z.int().min(0).max(MAX_STOCK_LEVEL);
export const StockDeltaSchema = z
  .int()
  .min(-MAX_STOCK_MOVEMENT)
  .max(MAX_STOCK_MOVEMENT)
  .refine((delta) => delta !== 0, "a stock adjustment must change the stock");

import { z } from "zod";
import { PriceSchema } from "../shared/money.ts";
import { messageSchema } from "../shared/message.ts";
import {
  DescriptionSchema,
  IdSchema,
  NameSchema,
  ReasonSchema,
  SkuSchema,
  StockDeltaSchema,
  StockQuantitySchema,
} from "../shared/primitives.ts";

export const ListProductSchema = messageSchema(
  "ListProduct",
  z.object({ productId: IdSchema, sku: SkuSchema, name: NameSchema, description: DescriptionSchema, price: PriceSchema }),
);
export const ChangePriceSchema = messageSchema("ChangePrice", z.object({ productId: IdSchema, price: PriceSchema }));
export const DelistProductSchema = messageSchema("DelistProduct", z.object({ productId: IdSchema }));
export const ReceiveStockSchema = messageSchema(
  "ReceiveStock",
  z.object({ productId: IdSchema, quantity: StockQuantitySchema }),
);
export const AdjustStockSchema = messageSchema(
  "AdjustStock",
  z.object({ productId: IdSchema, delta: StockDeltaSchema, reason: ReasonSchema }),
);
/** Issued by the fulfillment process when a reserved order is cancelled; a no-op if nothing is reserved. */
export const ReleaseStockSchema = messageSchema("ReleaseStock", z.object({ productId: IdSchema, orderId: IdSchema }));

export const ProductCommandSchema = z.discriminatedUnion("type", [
  ListProductSchema,
  ChangePriceSchema,
  DelistProductSchema,
  ReceiveStockSchema,
  AdjustStockSchema,
  ReleaseStockSchema,
]);

export type ListProduct = z.infer<typeof ListProductSchema>;
export type ChangePrice = z.infer<typeof ChangePriceSchema>;
export type DelistProduct = z.infer<typeof DelistProductSchema>;
export type ReceiveStock = z.infer<typeof ReceiveStockSchema>;
export type AdjustStock = z.infer<typeof AdjustStockSchema>;
export type ReleaseStock = z.infer<typeof ReleaseStockSchema>;
export type ProductCommand = z.infer<typeof ProductCommandSchema>;

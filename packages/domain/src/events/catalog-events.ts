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

export const ProductListedSchema = messageSchema(
  "ProductListed",
  z.object({
    productId: IdSchema,
    sku: SkuSchema,
    name: NameSchema,
    description: DescriptionSchema,
    price: PriceSchema,
  }),
);
export const ProductPriceChangedSchema = messageSchema(
  "ProductPriceChanged",
  z.object({ productId: IdSchema, price: PriceSchema }),
);
export const ProductDelistedSchema = messageSchema("ProductDelisted", z.object({ productId: IdSchema }));
export const StockReceivedSchema = messageSchema(
  "StockReceived",
  z.object({ productId: IdSchema, quantity: StockQuantitySchema }),
);
/** A correction after a count, breakage or loss: signed, and always with a reason for the audit log. */
export const StockAdjustedSchema = messageSchema(
  "StockAdjusted",
  z.object({ productId: IdSchema, delta: StockDeltaSchema, reason: ReasonSchema }),
);

export type ProductListed = z.infer<typeof ProductListedSchema>;
export type ProductPriceChanged = z.infer<typeof ProductPriceChangedSchema>;
export type ProductDelisted = z.infer<typeof ProductDelistedSchema>;
export type StockReceived = z.infer<typeof StockReceivedSchema>;
export type StockAdjusted = z.infer<typeof StockAdjustedSchema>;

import { z } from "zod";
import {
  ProductDelistedSchema,
  ProductListedSchema,
  ProductPriceChangedSchema,
  StockAdjustedSchema,
  StockReceivedSchema,
} from "./catalog-events.ts";
import { StockReleasedSchema, StockReservationRejectedSchema, StockReservedSchema } from "./inventory-events.ts";

/** Everything on a `product-<id>` stream: the catalog facts and the inventory facts about its stock. */
export const ProductEventSchema = z.discriminatedUnion("type", [
  ProductListedSchema,
  ProductPriceChangedSchema,
  ProductDelistedSchema,
  StockReceivedSchema,
  StockAdjustedSchema,
  StockReservedSchema,
  StockReservationRejectedSchema,
  StockReleasedSchema,
]);

export type ProductEvent = z.infer<typeof ProductEventSchema>;

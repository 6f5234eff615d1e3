import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { IdSchema } from "@chronicle/domain";
import { getCatalogItem, listCatalog } from "@chronicle/projections";
import { publicProcedure, router } from "../trpc/init.ts";

export const catalogRouter = router({
  /** Listed products with their price and available stock (the catalog projection). */
  list: publicProcedure.query(({ ctx }) => listCatalog(ctx.db)),
  product: publicProcedure.input(z.object({ productId: IdSchema })).query(async ({ ctx, input }) => {
    const product = await getCatalogItem(ctx.db, input.productId);
    if (!product) throw new TRPCError({ code: "NOT_FOUND", message: `no product ${input.productId}` });
    return product;
  }),
});

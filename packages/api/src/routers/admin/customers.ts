import { listCustomers } from "@chronicle/projections";
import { adminProcedure, router } from "../../trpc/init.ts";

export const customersRouter = router({
  list: adminProcedure.query(({ ctx }) => listCustomers(ctx.db)),
});

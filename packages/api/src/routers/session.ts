import { publicProcedure, router } from "../trpc/init.ts";

export const sessionRouter = router({
  /** Who is signed in (null for a visitor): the UI's menus, never its authorization. */
  me: publicProcedure.query(({ ctx }) => ctx.user),
});

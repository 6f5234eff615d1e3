import { z } from "zod";

/**
 * Events and commands share one plain shape, `{ type, data }`: the `type` literal discriminates the unions, and
 * the `data` schema is what gets versioned (events) or validated as tRPC input (commands).
 */
export function messageSchema<const T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.object({ type: z.literal(type), data });
}

import { z } from "zod";
import { IsoTimestampSchema } from "./primitives.ts";

/**
 * What a caller knows about one command call. The domain has no clock and no id generator of its own: `now` is
 * the only time a decider sees, and any id that ends up in an event arrives in the command data.
 */
export const CommandMetadataSchema = z.object({
  now: IsoTimestampSchema,
  commandId: z.string().min(1).max(200).optional(),
  correlationId: z.string().min(1).max(200).optional(),
  causationId: z.string().min(1).max(200).optional(),
  /** Who asked (a user id, "admin:<id>", "system:fulfillment"); for the audit log, not for authorization. */
  actor: z.string().min(1).max(200).optional(),
});

export type CommandMetadata = z.infer<typeof CommandMetadataSchema>;

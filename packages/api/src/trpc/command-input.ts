import { z } from "zod";

/**
 * A client-made id for one user action: the browser keeps it across retries of the same click, so a retry returns
 * the first result instead of acting twice (the command handler's idempotency).
 */
export const CommandIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "a command id is 8-64 letters, digits, '-' or '_'").optional();

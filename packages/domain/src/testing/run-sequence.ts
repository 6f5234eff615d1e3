import type { ScheduledCommand } from "../demo/scheduled-command.ts";
import { DomainError } from "../errors/domain-error.ts";
import type { StreamEvents } from "../multi-stream/stream-events.ts";
import { InMemoryShop } from "./in-memory-shop.ts";

export type Outcome =
  | { readonly scheduled: ScheduledCommand; readonly decided: readonly StreamEvents[] }
  | { readonly scheduled: ScheduledCommand; readonly error: DomainError };

/**
 * Runs commands the way a user or a buggy client would send them: refused ones (a DomainError) are recorded and
 * skipped, anything else is a bug and propagates, failing the property that ran it.
 */
export function runTolerantly(commands: readonly ScheduledCommand[], shop = new InMemoryShop()) {
  const outcomes: Outcome[] = commands.map((scheduled) => {
    try {
      return { scheduled, decided: shop.execute(scheduled.command, scheduled.metadata) };
    } catch (error) {
      if (error instanceof DomainError && error.code !== "INVARIANT_BROKEN") return { scheduled, error };
      throw error;
    }
  });
  return { shop, outcomes };
}

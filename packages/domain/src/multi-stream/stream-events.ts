import type { ShopEvent } from "../events/shop-event.ts";

/**
 * The answer of a decision that spans streams: events per stream, to be appended atomically in one transaction
 * (each stream with the expected version it was loaded at; a conflict on any retries the whole command).
 * A stream with no events is still listed, so the handler can check its expected version all the same.
 */
export interface StreamEvents<E extends ShopEvent = ShopEvent> {
  readonly streamId: string;
  readonly events: readonly E[];
}

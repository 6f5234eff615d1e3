import { DomainError } from "../errors/domain-error.ts";
import { parseOrThrow } from "../errors/parse.ts";
import { isShopEventType } from "./registry.ts";
import { ShopEventSchema, type ShopEvent } from "./shop-event.ts";

/** Validates an event against its *current* schema (use `upcast` for anything read from the log). */
export function parseEvent(event: unknown): ShopEvent {
  const type = typeof event === "object" && event !== null && "type" in event ? event.type : undefined;
  if (!isShopEventType(type)) {
    throw new DomainError("UNKNOWN_EVENT_TYPE", `Unknown event type ${JSON.stringify(type)}`);
  }
  return parseOrThrow(ShopEventSchema, event, `${type} event`);
}

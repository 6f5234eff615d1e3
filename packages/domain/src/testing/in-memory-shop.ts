import { parseCommand, type ShopCommand } from "../commands/shop-command.ts";
import { cartDecider } from "../deciders/cart/cart-decider.ts";
import type { CartEvent } from "../events/cart-events.ts";
import type { OrderEvent } from "../events/order-events.ts";
import type { ProductEvent } from "../events/product-events.ts";
import type { UserEvent } from "../events/user-events.ts";
import { orderDecider } from "../deciders/order/order-decider.ts";
import { productDecider } from "../deciders/product/product-decider.ts";
import { userDecider } from "../deciders/user/user-decider.ts";
import type { ScheduledCommand } from "../demo/scheduled-command.ts";
import type { ShopEvent } from "../events/shop-event.ts";
import type { StreamEvents } from "../multi-stream/stream-events.ts";
import { fold } from "../replay/fold.ts";
import type { CommandMetadata } from "../shared/metadata.ts";
import { streamIds } from "../shared/stream-ids.ts";
import { routeCommand, type ShopStates } from "../routing/route-command.ts";

export interface RecordedEvent {
  readonly streamId: string;
  /** 1-based position in its stream, like the event store's stream version. */
  readonly version: number;
  readonly event: ShopEvent;
}

/** The whole shop in memory: commands in, events out, with the same atomic multi-stream appends as the store. */
export class InMemoryShop implements ShopStates {
  readonly #streams = new Map<string, ShopEvent[]>();
  readonly #log: RecordedEvent[] = [];

  /** Decides first, then appends every stream's events: a DomainError leaves the shop untouched. */
  execute(command: ShopCommand, metadata: CommandMetadata): readonly StreamEvents[] {
    const decided = routeCommand(this, parseCommand(command), metadata);
    for (const { streamId, events } of decided) {
      const stream = this.#streams.get(streamId) ?? [];
      for (const event of events) {
        stream.push(event);
        this.#log.push({ streamId, version: stream.length, event });
      }
      this.#streams.set(streamId, stream);
    }
    return decided;
  }

  run(commands: readonly ScheduledCommand[]): this {
    for (const { command, metadata } of commands) this.execute(command, metadata);
    return this;
  }

  /** Every event in global order. */
  log(): readonly RecordedEvent[] {
    return this.#log;
  }

  events(): readonly ShopEvent[] {
    return this.#log.map((recorded) => recorded.event);
  }

  stream(streamId: string): readonly ShopEvent[] {
    return this.#streams.get(streamId) ?? [];
  }

  streamIds(): readonly string[] {
    return [...this.#streams.keys()];
  }

  user(userId: string) {
    return fold(userDecider, this.stream(streamIds.user(userId)) as readonly UserEvent[]);
  }

  product(productId: string) {
    return fold(productDecider, this.stream(streamIds.product(productId)) as readonly ProductEvent[]);
  }

  cart(userId: string) {
    return fold(cartDecider, this.stream(streamIds.cart(userId)) as readonly CartEvent[]);
  }

  order(orderId: string) {
    return fold(orderDecider, this.stream(streamIds.order(orderId)) as readonly OrderEvent[]);
  }
}

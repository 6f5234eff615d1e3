import { expect } from "vitest";
import type { ShopCommand } from "../commands/shop-command.ts";
import { shopStreamReducers } from "../deciders/shop-streams.ts";
import type { ShopEvent } from "../events/shop-event.ts";
import type { StreamEvents } from "../multi-stream/stream-events.ts";
import { fold } from "../replay/fold.ts";
import { routeCommand, type ShopStates } from "../routing/route-command.ts";
import type { CommandMetadata } from "../shared/metadata.ts";
import { lookup } from "../shared/records.ts";
import { streamIds } from "../shared/stream-ids.ts";
import { deepFreeze } from "./deep-freeze.ts";
import { SPEC_NOW } from "./specification.ts";

/**
 * `given({ [streamId]: pastEvents }).when(command).then([{ streamId, events }])`: a whole command as the command
 * handler routes it, over every stream it reads — for decisions no single decider owns (ReserveStock spans
 * products). Streams the decision leaves unchanged are left out of the answer, as the handler appends nothing there.
 */
export function shopSpecification(defaults: { readonly metadata?: CommandMetadata } = {}) {
  return function given(history: Readonly<Record<string, readonly ShopEvent[]>>) {
    return {
      when(command: ShopCommand, options: { readonly metadata?: CommandMetadata } = {}) {
        return {
          then(expected: readonly StreamEvents[]): void {
            const metadata = options.metadata ?? defaults.metadata ?? { now: SPEC_NOW };
            const decided = routeCommand(statesOf(deepFreeze(history)), command, metadata);
            expect(decided.filter((d) => d.events.length > 0)).toEqual(expected);
          },
        };
      },
    };
  };
}

function statesOf(history: Readonly<Record<string, readonly ShopEvent[]>>): ShopStates {
  const events = (streamId: string) => lookup(history, streamId) ?? [];
  return {
    user: (id) => deepFreeze(fold(shopStreamReducers.user, events(streamIds.user(id)))),
    product: (id) => deepFreeze(fold(shopStreamReducers.product, events(streamIds.product(id)))),
    cart: (id) => deepFreeze(fold(shopStreamReducers.cart, events(streamIds.cart(id)))),
    order: (id) => deepFreeze(fold(shopStreamReducers.order, events(streamIds.order(id)))),
  };
}

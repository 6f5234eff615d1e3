import type { Reducer } from "../deciders/decider.ts";
import { unreachable } from "../errors/unreachable.ts";
import { isOrderEvent } from "../events/event-streams.ts";
import type { OrderEvent } from "../events/order-events.ts";
import type { ShopEvent } from "../events/shop-event.ts";
import type { Money } from "../shared/money.ts";
import { lookup, withEntry, withoutEntry } from "../shared/records.ts";

/** One UTC day: orders placed that day and still standing, and their revenue per currency (minor units). */
export interface DaySales {
  readonly day: string;
  readonly orders: number;
  readonly revenue: Readonly<Record<string, number>>;
}

/**
 * A sale counts on the (UTC) day it was placed; a cancelled or rejected order is taken back out of its day.
 * `counted` remembers which orders are in which day, so a late cancellation finds its day and is applied once.
 */
export interface SalesPerDay {
  readonly days: Readonly<Record<string, DaySales>>;
  readonly counted: Readonly<Record<string, { readonly day: string; readonly total: Money }>>;
}

export const salesPerDayReducer: Reducer<SalesPerDay, ShopEvent> = {
  initialState: () => ({ days: {}, counted: {} }),
  evolve: (state, event) => (isOrderEvent(event) ? evolveSales(state, event) : state),
};

export function salesByDay(state: SalesPerDay): readonly DaySales[] {
  return Object.values(state.days).sort((a, b) => a.day.localeCompare(b.day));
}

function evolveSales(state: SalesPerDay, event: OrderEvent): SalesPerDay {
  switch (event.type) {
    case "OrderPlaced": {
      const { orderId, total, placedAt } = event.data;
      const day = placedAt.slice(0, 10); // placedAt is UTC ("...Z") by schema
      const days = addToDay(state.days, day, total.currency, total.amount, 1);
      return { days, counted: withEntry(state.counted, orderId, { day, total }) };
    }
    case "OrderCancelled":
    case "OrderRejected": {
      const counted = lookup(state.counted, event.data.orderId);
      if (counted === undefined) return state;
      const { day, total } = counted;
      const days = addToDay(state.days, day, total.currency, -total.amount, -1);
      return { days, counted: withoutEntry(state.counted, event.data.orderId) };
    }
    case "OrderConfirmed":
    case "OrderShipped":
    case "OrderDelivered":
      return state;
    default:
      return unreachable(event, "UNKNOWN_EVENT_TYPE");
  }
}

function addToDay(
  days: SalesPerDay["days"],
  day: string,
  currency: string,
  amountDelta: number,
  ordersDelta: number,
): SalesPerDay["days"] {
  const current = lookup(days, day) ?? { day, orders: 0, revenue: {} };
  const revenue = withEntry(current.revenue, currency, (lookup(current.revenue, currency) ?? 0) + amountDelta);
  return withEntry(days, day, { day, orders: current.orders + ordersDelta, revenue });
}

import { isErased, isUserEvent, type UserEvent } from "@chronicle/domain";
import type { StoredEvent } from "@chronicle/event-store";
import { unhandled } from "../support/decode.ts";
import { changedBy } from "../support/provenance.ts";
import { rowProjection } from "../support/row-projection.ts";
import { rmOverviewUsers } from "../tables/overview-users.ts";

type UserRow = typeof rmOverviewUsers.$inferSelect;

/** The users of the domain's `overviewReducer` (its carts and orders are the carts and orders projections). */
export const overviewUsersProjection = rowProjection({
  name: "overview_users",
  streamType: "user",
  belongs: isUserEvent,
  table: rmOverviewUsers,
  key: rmOverviewUsers.userId,
  keyOf: (event) => event.data.userId,
  rowKey: (row) => row.userId,
  evolve: evolveUserRow,
});

function evolveUserRow(row: UserRow | undefined, event: UserEvent, stored: StoredEvent): UserRow | undefined {
  switch (event.type) {
    case "UserRegistered":
      // A user registers once (the decider refuses a second time): the first registration stands.
      if (row !== undefined) return row;
      return {
        userId: event.data.userId,
        name: isErased(event.data.name) ? null : event.data.name,
        registeredTxId: stored.txId,
        registeredPosition: stored.position,
        ...changedBy(stored),
      };
    case "UserEmailChanged":
      return row; // the overview shows no email
    case "CustomerForgotten":
      // The row stays (the customer's orders still count); only the name goes.
      return row === undefined ? row : { ...row, name: null, ...changedBy(stored) };
    default:
      return unhandled("overview_users", event);
  }
}

import { isUserEvent, type UserEvent } from "@chronicle/domain";
import type { Projection, StoredEvent } from "@chronicle/event-store";
import { getTableName } from "drizzle-orm";
import { decodeBatch, unhandled } from "../support/decode.ts";
import { foldRows } from "../support/fold-rows.ts";
import { changedBy } from "../support/provenance.ts";
import { loadRows, upsertRows } from "../support/rows.ts";
import { rmOverviewUsers } from "../tables/overview-users.ts";

type UserRow = typeof rmOverviewUsers.$inferSelect;

/** The users of the domain's `overviewReducer` (its carts and orders are the carts and orders projections). */
export const overviewUsersProjection: Projection = {
  name: "overview_users",
  streamTypes: ["user"],
  tables: [getTableName(rmOverviewUsers)],
  async apply(events, target) {
    const batch = decodeBatch("overview_users", events, isUserEvent);
    const changed = await foldRows(batch, {
      keyOf: (event) => event.data.userId,
      load: (keys) => loadRows(target, rmOverviewUsers, rmOverviewUsers.userId, keys),
      rowKey: (row) => row.userId,
      evolve: evolveUserRow,
    });
    await upsertRows(target, rmOverviewUsers, changed);
  },
};

function evolveUserRow(row: UserRow | undefined, event: UserEvent, stored: StoredEvent): UserRow | undefined {
  switch (event.type) {
    case "UserRegistered":
      // A user registers once (the decider refuses a second time): the first registration stands.
      if (row !== undefined) return row;
      return {
        userId: event.data.userId,
        name: event.data.name,
        registeredTxId: stored.txId,
        registeredPosition: stored.position,
        ...changedBy(stored),
      };
    case "UserEmailChanged":
      return row; // the overview shows no email
    default:
      return unhandled("overview_users", event);
  }
}

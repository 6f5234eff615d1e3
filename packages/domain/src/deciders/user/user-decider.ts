import { UserCommandSchema, type UserCommand } from "../../commands/user-commands.ts";
import { UserEventSchema, type UserEvent } from "../../events/user-events.ts";
import { streamIds } from "../../shared/stream-ids.ts";
import { defineDecider } from "../define-decider.ts";
import { decideUser } from "./user-decide.ts";
import { evolveUser } from "./user-evolve.ts";
import { initialUserState, type UserState } from "./user-state.ts";

/**
 * Email uniqueness across users is not decided here: it needs a read model of all users, so it belongs to the
 * API's registration flow (a unique index on the users projection).
 */
export const userDecider = defineDecider<UserCommand, UserEvent, UserState>({
  streamType: "user",
  reducerVersion: 1,
  commandSchema: UserCommandSchema,
  eventSchema: UserEventSchema,
  streamIdOf: (command) => streamIds.user(command.data.userId),
  initialState: initialUserState,
  evolve: evolveUser,
  decide: (command, state) => decideUser(command, state),
});

import { unreachable } from "../../errors/unreachable.ts";
import type { UserEvent } from "../../events/user-events.ts";
import type { UserState } from "./user-state.ts";

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case "UserRegistered":
      return { status: "registered", userId: event.data.userId, name: event.data.name, email: event.data.email };
    case "UserEmailChanged":
      // Evolve stays total: an event decide could never have produced leaves the state as it is.
      return state.status === "registered" ? { ...state, email: { kind: "known", address: event.data.email } } : state;
    default:
      return unreachable(event, "UNKNOWN_EVENT_TYPE");
  }
}

import { unreachable } from "../../errors/unreachable.ts";
import type { UserEvent } from "../../events/user-events.ts";
import { isErased } from "../../shared/personal-data.ts";
import type { UserState } from "./user-state.ts";

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case "UserRegistered":
      return { status: "registered", userId: event.data.userId, name: event.data.name, email: event.data.email };
    case "UserEmailChanged":
      // Evolve stays total: an event decide could never have produced leaves the state as it is.
      if (state.status !== "registered") return state;
      return { ...state, email: isErased(event.data.email) ? event.data.email : { kind: "known", address: event.data.email } };
    case "CustomerForgotten":
      return { status: "forgotten", userId: event.data.userId };
    default:
      return unreachable(event, "UNKNOWN_EVENT_TYPE");
  }
}

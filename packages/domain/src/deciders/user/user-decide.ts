import type { ChangeUserEmail, ForgetCustomer, RegisterUser, UserCommand } from "../../commands/user-commands.ts";
import { DomainError } from "../../errors/domain-error.ts";
import { unreachable } from "../../errors/unreachable.ts";
import type { UserEvent } from "../../events/user-events.ts";
import { isErased } from "../../shared/personal-data.ts";
import type { UserState } from "./user-state.ts";

export function decideUser(command: UserCommand, state: UserState): readonly UserEvent[] {
  switch (command.type) {
    case "RegisterUser":
      return registerUser(command, state);
    case "ChangeUserEmail":
      return changeUserEmail(command, state);
    case "ForgetCustomer":
      return forgetCustomer(command, state);
    default:
      return unreachable(command);
  }
}

function registerUser({ data }: RegisterUser, state: UserState): readonly UserEvent[] {
  if (state.status !== "unregistered") {
    throw new DomainError("ALREADY_EXISTS", `User ${data.userId} is already registered`);
  }
  const email = { kind: "known", address: data.email } as const;
  return [{ type: "UserRegistered", data: { userId: data.userId, name: data.name, email } }];
}

function changeUserEmail({ data }: ChangeUserEmail, state: UserState): readonly UserEvent[] {
  if (state.status !== "registered") throw new DomainError("NOT_FOUND", `User ${data.userId} is not registered`);
  if (!isErased(state.email) && state.email.kind === "known" && state.email.address === data.email) return [];
  return [{ type: "UserEmailChanged", data: { userId: data.userId, email: data.email } }];
}

/** Idempotent: forgetting a forgotten customer decides nothing (a retried click, two admins at once). */
function forgetCustomer({ data }: ForgetCustomer, state: UserState): readonly UserEvent[] {
  if (state.status === "forgotten") return [];
  if (state.status !== "registered") throw new DomainError("NOT_FOUND", `User ${data.userId} is not registered`);
  return [{ type: "CustomerForgotten", data: { userId: data.userId, requestedBy: data.requestedBy } }];
}

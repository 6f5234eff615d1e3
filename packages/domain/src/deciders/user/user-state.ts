import type { ContactEmail } from "../../events/user-events.ts";

export type UserState =
  | { readonly status: "unregistered" }
  | { readonly status: "registered"; readonly userId: string; readonly name: string; readonly email: ContactEmail };

export function initialUserState(): UserState {
  return { status: "unregistered" };
}

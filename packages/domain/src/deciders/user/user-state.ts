import type { ContactEmail } from "../../events/user-events.ts";
import type { PersonalValue } from "../../shared/personal-data.ts";

/** A forgotten customer keeps only their id: their personal fields are erased, and nothing can be changed. */
export type UserState =
  | { readonly status: "unregistered" }
  | {
      readonly status: "registered";
      readonly userId: string;
      readonly name: PersonalValue<string>;
      readonly email: PersonalValue<ContactEmail>;
    }
  | { readonly status: "forgotten"; readonly userId: string };

export function initialUserState(): UserState {
  return { status: "unregistered" };
}

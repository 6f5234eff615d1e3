import { executeShopCommand } from "@chronicle/application";
import { isDomainError } from "@chronicle/domain";
import type { EventStore } from "@chronicle/event-store";

/**
 * A customer account is also a user of the shop's domain: RegisterUser with the account id as the user id. The
 * command id is the same at sign-up and at every later repair (see createAuth), so running it again changes nothing.
 */
export async function registerUser(store: EventStore, user: { id: string; name: string; email: string }): Promise<void> {
  try {
    await executeShopCommand(
      store,
      { type: "RegisterUser", data: { userId: user.id, name: user.name, email: user.email } },
      { now: new Date().toISOString(), commandId: `sign-up-${user.id}`, actor: `user:${user.id}` },
    );
  } catch (error) {
    // Already registered by another command: the demo's Alice and Bob, whom the article's story registered.
    if (!isDomainError(error, "ALREADY_EXISTS")) throw error;
  }
}

import type { Auth, Role } from "./auth.ts";

export interface DemoAccount {
  /** Fixed for Alice and Bob: their users "1" and "2" are the article's story in the log. */
  id?: string;
  name: string;
  email: string;
  password: string;
  role: Role;
}

/** Printed at startup and listed in the README: a demo, not a secret. */
export const demoAccounts: readonly DemoAccount[] = [
  { name: "Ada Admin", email: "admin@chronicle.test", password: "chronicle-admin", role: "admin" },
  { id: "1", name: "Alice", email: "alice@example.com", password: "alice-shops", role: "customer" },
  { id: "2", name: "Bob", email: "bob@example.com", password: "bob-shops", role: "customer" },
];

/**
 * Creates the demo sign-ins through better-auth itself (its password hashing and adapter). Alice and Bob already
 * exist in the log (the article's story registered them): their accounts take those user ids, and the sign-up
 * hook's RegisterUser finds them registered and is skipped. Accounts that exist are left as they are.
 */
export async function seedDemoAccounts(auth: Auth): Promise<DemoAccount[]> {
  const context = await auth.$context;
  const created: DemoAccount[] = [];
  for (const account of demoAccounts) {
    if (await context.internalAdapter.findUserByEmail(account.email)) continue;
    const user = await context.internalAdapter.createUser({
      ...(account.id && { id: account.id }),
      name: account.name,
      email: account.email,
      emailVerified: true,
      role: account.role,
    }, { method: "admin" });
    await context.internalAdapter.linkAccount({
      userId: user.id,
      providerId: "credential",
      accountId: user.id,
      password: await context.password.hash(account.password),
    });
    created.push(account);
  }
  return created;
}

import { test as setup } from "@playwright/test";
import { demo, signIn, storageStateOf } from "./support/accounts";

// Signs each demo account in once per run (better-auth's sign-in rate limit) and saves the cookies for the specs.
for (const role of ["admin", "alice"] as const) {
  setup(`sign in as ${role}`, async ({ request }, testInfo) => {
    await signIn(request, demo[role]);
    await request.storageState({ path: storageStateOf(testInfo, role) });
  });
}

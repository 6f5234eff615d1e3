import fc from "fast-check";
import { describe, it, expect } from "vitest";
import { userDecider } from "../deciders/user/user-decider.ts";
import { fold } from "../replay/fold.ts";
import { upcast } from "./upcast.ts";
import type { UserEvent } from "./user-events.ts";

const idArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,20}$/);
const nameArb = fc.string({ minLength: 1, maxLength: 40 }).filter((name) => name.trim() === name && name.length > 0);
const tailArb = fc.array(fc.constantFrom("a@example.com", "b@example.org"), { maxLength: 3 });

describe("property: upcasting", () => {
  it("an upcast v1 UserRegistered folds to the same state as its v2 equivalent (then any tail)", () => {
    fc.assert(
      fc.property(idArb, nameArb, tailArb, (userId, userName, emails) => {
        const tail: UserEvent[] = emails.map((email) => ({ type: "UserEmailChanged", data: { userId, email } }));
        const upcasted = upcast({ type: "UserRegistered", schemaVersion: 1, data: { userId, userName } }) as UserEvent;
        const v2: UserEvent = { type: "UserRegistered", data: { userId, name: userName, email: { kind: "unknown" } } };
        expect(fold(userDecider, [upcasted, ...tail])).toEqual(fold(userDecider, [v2, ...tail]));
      }),
      { numRuns: 1000 },
    );
  });
});

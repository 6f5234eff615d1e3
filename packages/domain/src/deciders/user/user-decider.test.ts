import { describe, it } from "vitest";
import { sampleEvents } from "../../testing/samples.ts";
import { specification } from "../../testing/specification.ts";
import { userDecider } from "./user-decider.ts";

const given = specification(userDecider);
const register = { type: "RegisterUser", data: { userId: "1", name: "Alice", email: "alice@example.com" } } as const;

describe("user decider", () => {
  it("registers a new user with a known email", () => {
    given([])
      .when(register)
      .then([{ type: "UserRegistered", data: { userId: "1", name: "Alice", email: { kind: "known", address: "alice@example.com" } } }]);
  });

  it("invariant: a user registers once", () => {
    given([sampleEvents.userRegistered("1")]).when(register).thenThrows("ALREADY_EXISTS");
  });

  it("invariant: emails are valid (VALIDATION lists the bad field)", () => {
    given([]).when({ ...register, data: { ...register.data, email: "alice.example.com" } }).thenThrows("VALIDATION", /email/);
  });

  it("trims names and refuses blank ones", () => {
    given([])
      .when({ ...register, data: { ...register.data, name: "  Alice " } })
      .then([{ type: "UserRegistered", data: { userId: "1", name: "Alice", email: { kind: "known", address: "alice@example.com" } } }]);
    given([]).when({ ...register, data: { ...register.data, name: "   " } }).thenThrows("VALIDATION");
  });

  it("changes an email, and changing it to the same address changes nothing", () => {
    const change = { type: "ChangeUserEmail", data: { userId: "1", email: "a@example.org" } } as const;
    given([sampleEvents.userRegistered("1")]).when(change).then([{ type: "UserEmailChanged", data: change.data }]);
    given([sampleEvents.userRegistered("1", "Alice", "a@example.org")]).when(change).thenNothingHappens();
    given([]).when(change).thenThrows("NOT_FOUND");
  });

  it("gives a v1 user (email unknown) an email through ChangeUserEmail", () => {
    const v1User = { type: "UserRegistered", data: { userId: "1", name: "Alice", email: { kind: "unknown" } } } as const;
    const change = { type: "ChangeUserEmail", data: { userId: "1", email: "alice@example.com" } } as const;
    given([v1User]).when(change).then([{ type: "UserEmailChanged", data: change.data }]);
  });

  it("refuses metadata without a valid UTC time: time only comes in through metadata", () => {
    given([]).when(register, { metadata: { now: "yesterday" } }).thenThrows("VALIDATION", /metadata/);
  });

  it("forgets a registered customer once: a second time decides nothing, an unknown one is NOT_FOUND", () => {
    const forget = { type: "ForgetCustomer", data: { userId: "1", requestedBy: "customer" } } as const;
    const forgotten = { type: "CustomerForgotten", data: { userId: "1", requestedBy: "customer" } } as const;
    given([sampleEvents.userRegistered("1")]).when(forget).then([forgotten]);
    given([sampleEvents.userRegistered("1"), forgotten]).when(forget).thenNothingHappens();
    given([]).when(forget).thenThrows("NOT_FOUND");
  });

  it("a forgotten customer cannot change an email or register again", () => {
    const forgotten = { type: "CustomerForgotten", data: { userId: "1", requestedBy: "admin" } } as const;
    given([sampleEvents.userRegistered("1"), forgotten])
      .when({ type: "ChangeUserEmail", data: { userId: "1", email: "new@example.com" } })
      .thenThrows("NOT_FOUND");
    given([sampleEvents.userRegistered("1"), forgotten]).when(register).thenThrows("ALREADY_EXISTS");
  });

  it("an erased email (read after forgetting) is never equal to a new one", () => {
    const erased = { type: "UserRegistered", data: { userId: "1", name: { erased: true }, email: { erased: true } } } as const;
    given([erased]).when({ type: "ChangeUserEmail", data: { userId: "1", email: "a@example.org" } })
      .then([{ type: "UserEmailChanged", data: { userId: "1", email: "a@example.org" } }]);
  });
});

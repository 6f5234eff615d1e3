import type { UserRegisteredV1Data, UserRegisteredV2Data } from "./user-events.ts";

/** v1 -> v2 (an erased name stays erased: the person was forgotten before or after the upgrade): the name is renamed, and the email v1 never asked for is recorded as unknown, not guessed. */
export function upcastUserRegisteredV1(data: UserRegisteredV1Data): UserRegisteredV2Data {
  return { userId: data.userId, name: data.userName, email: { kind: "unknown" } };
}

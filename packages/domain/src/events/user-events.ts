import { z } from "zod";
import { messageSchema } from "../shared/message.ts";
import { personal } from "../shared/personal-data.ts";
import { EmailAddressSchema, IdSchema, NameSchema } from "../shared/primitives.ts";

/**
 * An email is either known or explicitly unknown: users registered under schema v1 never gave one, and inventing
 * an address (or an empty string) would send mail to nobody and pass validation everywhere.
 */
export const ContactEmailSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("known"), address: EmailAddressSchema }),
  z.object({ kind: z.literal("unknown") }),
]);
export type ContactEmail = z.infer<typeof ContactEmailSchema>;

/** v1: the article's original shape. Kept forever so old logs stay readable; upcast to v2 on read. */
export const UserRegisteredV1DataSchema = z.object({ userId: IdSchema, userName: personal(NameSchema) });
/** v2 (current): `userName` became `name`, and the email arrived. */
export const UserRegisteredV2DataSchema = z.object({
  userId: IdSchema,
  name: personal(NameSchema),
  email: personal(ContactEmailSchema),
});
export type UserRegisteredV1Data = z.infer<typeof UserRegisteredV1DataSchema>;
export type UserRegisteredV2Data = z.infer<typeof UserRegisteredV2DataSchema>;

export const UserRegisteredSchema = messageSchema("UserRegistered", UserRegisteredV2DataSchema);
export const UserEmailChangedSchema = messageSchema(
  "UserEmailChanged",
  z.object({ userId: IdSchema, email: personal(EmailAddressSchema) }),
);
/**
 * The customer asked to be forgotten (or an admin forgot them): their key is destroyed, so every personal field of
 * their earlier events reads as erased. Holds no personal data itself.
 */
export const CustomerForgottenSchema = messageSchema(
  "CustomerForgotten",
  z.object({ userId: IdSchema, requestedBy: z.enum(["customer", "admin"]) }),
);

export const UserEventSchema = z.discriminatedUnion("type", [UserRegisteredSchema, UserEmailChangedSchema, CustomerForgottenSchema]);

export type UserRegistered = z.infer<typeof UserRegisteredSchema>;
export type UserEmailChanged = z.infer<typeof UserEmailChangedSchema>;
export type CustomerForgotten = z.infer<typeof CustomerForgottenSchema>;
export type UserEvent = z.infer<typeof UserEventSchema>;

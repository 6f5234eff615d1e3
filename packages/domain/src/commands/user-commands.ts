import { z } from "zod";
import { messageSchema } from "../shared/message.ts";
import { EmailAddressSchema, IdSchema, NameSchema } from "../shared/primitives.ts";

export const RegisterUserSchema = messageSchema(
  "RegisterUser",
  z.object({ userId: IdSchema, name: NameSchema, email: EmailAddressSchema }),
);
export const ChangeUserEmailSchema = messageSchema(
  "ChangeUserEmail",
  z.object({ userId: IdSchema, email: EmailAddressSchema }),
);

/** Forgetting twice is not an error: the second time nothing happens. */
export const ForgetCustomerSchema = messageSchema(
  "ForgetCustomer",
  z.object({ userId: IdSchema, requestedBy: z.enum(["customer", "admin"]) }),
);

export const UserCommandSchema = z.discriminatedUnion("type", [RegisterUserSchema, ChangeUserEmailSchema, ForgetCustomerSchema]);

export type RegisterUser = z.infer<typeof RegisterUserSchema>;
export type ChangeUserEmail = z.infer<typeof ChangeUserEmailSchema>;
export type ForgetCustomer = z.infer<typeof ForgetCustomerSchema>;
export type UserCommand = z.infer<typeof UserCommandSchema>;

import { dataSubjectOfUser, streamIds, upcast, type CommandMetadata } from "@chronicle/domain";
import { eventsOfSubject, forgetSubject, type EventStore, type ForgetSubjectResult, type HandleCommandResult } from "@chronicle/event-store";
import { executeShopCommand } from "./execute-command.ts";

export interface ForgetCustomerResult extends ForgetSubjectResult {
  /** The command's outcome: its checkpoint, or nothing appended when the customer was already forgotten. */
  command: HandleCommandResult;
}

/**
 * The right to be forgotten, on the log: records CustomerForgotten (no personal data), then destroys the customer's
 * key and what the store made from their plaintext (snapshots of their user stream, its recorded commands). The
 * command comes first: if the process dies between the two, forgetting again finds the event already there
 * (nothing new is decided) and finishes the shredding. Idempotent as a whole.
 * Read models drop the personal fields when their projections meet CustomerForgotten; the auth tables are the API's.
 */
export async function forgetCustomer(
  store: EventStore,
  userId: string,
  requestedBy: "customer" | "admin",
  metadata: CommandMetadata,
): Promise<ForgetCustomerResult> {
  const command = await executeShopCommand(store, { type: "ForgetCustomer", data: { userId, requestedBy } }, metadata);
  const shredded = await forgetSubject(store, dataSubjectOfUser(userId), { streams: [streamIds.user(userId)] });
  return { command, ...shredded };
}

export interface PersonalDataExport {
  subject: string;
  userId: string;
  exportedAt: string;
  /** Every event the log holds about the customer, oldest first, decrypted (erased fields once forgotten). */
  events: {
    eventId: string;
    streamId: string;
    streamVersion: number;
    type: string;
    schemaVersion: number;
    recordedAt: string;
    /** As stored (decrypted), in the event's own schema version. */
    data: unknown;
    /** As the shop reads it today (upcast to the current version). */
    current: unknown;
    metadata: unknown;
  }[];
}

/** The right of access: everything the log holds about one customer, decrypted, as plain JSON. */
export async function exportCustomerData(store: EventStore, userId: string, now: string): Promise<PersonalDataExport> {
  const subject = dataSubjectOfUser(userId);
  const events = await eventsOfSubject(store, subject);
  return {
    subject,
    userId,
    exportedAt: now,
    events: events.map((event) => ({
      eventId: event.eventId,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      type: event.type,
      schemaVersion: event.schemaVersion,
      recordedAt: event.recordedAt,
      data: event.data,
      current: upcast(event).data,
      metadata: event.metadata,
    })),
  };
}

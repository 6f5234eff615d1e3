import type { CommandMetadata } from "@chronicle/domain";
import type { IntegrationMessage } from "@chronicle/messaging";

/**
 * The metadata a received message gives the command it becomes: its id is the command id (a redelivered message is
 * the same command, handled once), and its correlation and causation cross the service boundary into every event.
 */
export function inboxMetadata(message: IntegrationMessage, actor: string): CommandMetadata {
  return {
    now: new Date().toISOString(),
    commandId: message.id,
    ...(message.correlationId && { correlationId: message.correlationId }),
    ...(message.causationId && { causationId: message.causationId }),
    actor,
  };
}

export type MessagingErrorCode = "VALIDATION" | "NO_STREAM" | "NOT_FOUND" | "CLOSED" | "UNAVAILABLE";

/** Every refusal of this package: a code to branch on and a message to show. */
export class MessagingError extends Error {
  constructor(
    readonly code: MessagingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "MessagingError";
  }
}

export function isMessagingError(error: unknown): error is MessagingError {
  return error instanceof MessagingError;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export type ProjectionErrorCode = "UNEXPECTED_EVENT" | "INVALID_QUERY";

/**
 * UNEXPECTED_EVENT: a projection was handed an event outside its stream types (a runner or log bug: never
 * skipped, so the runner stops there). INVALID_QUERY: a query's arguments are out of range (maps to BAD_REQUEST).
 */
export class ProjectionError extends Error {
  override readonly name = "ProjectionError";
  constructor(
    readonly code: ProjectionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const PROJECTION_ERROR_CODES: readonly ProjectionErrorCode[] = ["UNEXPECTED_EVENT", "INVALID_QUERY"];

/** Also true for an error made by another copy of this module (Next's server chunks may load a package twice). */
export function isProjectionError(error: unknown): error is ProjectionError {
  return error instanceof ProjectionError
    || (error instanceof Error && error.name === "ProjectionError" && PROJECTION_ERROR_CODES.includes((error as { code?: ProjectionErrorCode }).code!));
}

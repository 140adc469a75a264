/** An error the API (or the way to it) answered: its code, as in `extensions.code` or the REST body. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Anything thrown, as an ApiError: a bug in the page is shown with code CLIENT_ERROR. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof Error) return new ApiError('CLIENT_ERROR', error.message);
  return new ApiError('CLIENT_ERROR', String(error));
}

import { GraphQLError } from 'graphql';

/** The `extensions.code` values clients can rely on. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** A GraphQL error with a stable `extensions.code` and optional details. */
export class AppError extends GraphQLError {
  constructor(
    message: string,
    readonly code: ErrorCode,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...details } });
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, where: Record<string, unknown>) {
    super(`${entity} not found: ${JSON.stringify(where)}`, 'NOT_FOUND', { entity, where });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 'CONFLICT', details);
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, field?: string, details: Record<string, unknown> = {}) {
    super(message, 'BAD_USER_INPUT', field ? { field, ...details } : details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'A valid API token is required') {
    super(message, 'UNAUTHENTICATED');
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this') {
    super(message, 'FORBIDDEN');
  }
}

/** Seconds a client is asked to wait before retrying when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database is unreachable or too slow: retry later. `extensions.http` makes Apollo answer
 * HTTP 503 with Retry-After wherever in a request it is thrown (and strips it from the body).
 */
export class ServiceUnavailableError extends AppError {
  constructor(message = 'The database is unavailable or too slow right now; try again shortly') {
    super(message, 'SERVICE_UNAVAILABLE', {
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    });
  }
}

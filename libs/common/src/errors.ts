// The class alone, not the package's index: every service loads this file, the CLI included,
// and the index loads all of graphql-js (a tenth of a second). Same module either way.
import { GraphQLError } from 'graphql/error/GraphQLError.js';

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

/**
 * The one map from an error code to the HTTP status that answers it: the exception filter, the
 * REST guard and Apollo (through `extensions.http` where an error needs it) all read it here.
 */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

// A body too large or of the wrong type is input the client can fix.
const BAD_INPUT_STATUSES = new Set([413, 415]);

/** The code for an HTTP status another layer chose (Nest's HttpException, a body parser); null when none fits. */
export function errorCodeOfStatus(status: number): ErrorCode | null {
  if (BAD_INPUT_STATUSES.has(status)) return 'BAD_USER_INPUT';
  if (status === 500) return null;
  const match = Object.entries(HTTP_STATUS).find(([, s]) => s === status);
  return match ? (match[0] as ErrorCode) : null;
}

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

/** What a client sees of an unexpected error: no message of its own, no stack (those are logged). */
export class InternalServerError extends AppError {
  static readonly MESSAGE = 'Internal server error';
  constructor() {
    super(InternalServerError.MESSAGE, 'INTERNAL_SERVER_ERROR');
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
      http: {
        status: HTTP_STATUS.SERVICE_UNAVAILABLE,
        headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]),
      },
    });
  }
}

// PostgreSQL refuses text it cannot store (a NUL character, bytes of no character): bad input.
const INVALID_TEXT_SQLSTATES = new Set(['22021', '22P05']);

/**
 * What a PostgreSQL error with SQLSTATE `code` means to a client, or null when it is not the
 * client's doing. The one map for every writer (plain pg or through Prisma's adapter): a unique
 * value taken meanwhile, a referenced row deleted meanwhile, or a deadlock with a concurrent
 * change are CONFLICT; text the server cannot store is BAD_USER_INPUT.
 */
export function appErrorOfSqlState(code: string | undefined, constraint?: string): AppError | null {
  if (code === '23505') return new ConflictError('A unique value is already taken', { constraint });
  if (code === '23503')
    return new ConflictError('Something this change refers to was deleted meanwhile; try again', { constraint });
  if (code === '40P01') return new ConflictError('A concurrent change got in the way; try again');
  if (INVALID_TEXT_SQLSTATES.has(code ?? ''))
    return new BadUserInputError('Text may not contain NUL characters or invalid Unicode');
  return null;
}

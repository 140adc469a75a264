import { HttpException, Logger } from '@nestjs/common';
import { AppError, BadUserInputError, ConflictError, NotFoundError, ServiceUnavailableError } from '@pressroom/common';
import { isDatabaseUnavailable, logConnectionError, Prisma } from '@pressroom/database';
import type { ValidationError } from 'class-validator';

const HTTP_CODES: Record<number, AppError['code']> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  415: 'BAD_USER_INPUT',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

// PostgreSQL refuses text it cannot store (a NUL character, bytes of no character): bad input.
const INVALID_TEXT_SQLSTATES = new Set(['22021', '22P05']);

/** Maps what services and Prisma throw to an error with a code; null for the unexpected. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new ServiceUnavailableError();
  if (INVALID_TEXT_SQLSTATES.has(sqlState(error) ?? ''))
    return new BadUserInputError('Text may not contain NUL characters or invalid Unicode');
  // Only input can nest deeper than the stack (a JSON scalar given as 10,000 nested objects).
  if (error instanceof RangeError && /call stack/.test(error.message))
    return new BadUserInputError('The input is nested too deeply');
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002') {
      return new ConflictError('A unique value is already taken', { target: error.meta?.target ?? null });
    }
    if (error.code === 'P2025') return new NotFoundError('Record', { cause: error.meta?.cause ?? null });
    return null;
  }
  if (error instanceof HttpException) {
    const code = HTTP_CODES[error.getStatus()];
    if (!code) return null;
    const body = error.getResponse();
    const message = typeof body === 'object' && body && 'message' in body ? String(body.message) : error.message;
    return new AppError(message, code);
  }
  return null;
}

/** The SQLSTATE of a PostgreSQL error, from pg directly or through Prisma's driver adapter. */
function sqlState(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError)
    return (error.meta?.driverAdapterError as { cause?: { code?: string } } | undefined)?.cause?.code;
  // Prisma rethrows some adapter errors as they are; the class is not exported.
  if (error instanceof Error && error.name === 'DriverAdapterError')
    return (error.cause as { code?: string } | undefined)?.code;
  if (error instanceof Error && 'severity' in error && 'code' in error) return String(error.code);
  return undefined;
}

const logger = new Logger('Errors');

/**
 * What a client may see of `error`: its AppError, or INTERNAL_SERVER_ERROR without a stack. What
 * it hides is logged: an unexpected error with its stack, an unreachable database (answered
 * SERVICE_UNAVAILABLE with no error text, host or port) as DB_CONNECTION_ERROR.
 */
export function toPublicError(error: unknown, where: string): AppError {
  const known = toAppError(error);
  if (!known) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  else if (isDatabaseUnavailable(error)) logConnectionError(where, error);
  return known ?? new AppError('Internal server error', 'INTERNAL_SERVER_ERROR');
}

/** class-validator failures -> BAD_USER_INPUT naming the first failing field (dotted path). */
export function validationError(errors: ValidationError[]): BadUserInputError {
  const [first] = flatten(errors);
  if (!first) return new BadUserInputError('Invalid input');
  const messages = Object.values(first.error.constraints ?? {});
  return new BadUserInputError(`${first.path}: ${messages.join(', ')}`, first.path, {
    fields: flatten(errors).map((e) => ({ field: e.path, messages: Object.values(e.error.constraints ?? {}) })),
  });
}

function flatten(errors: ValidationError[], prefix = ''): { path: string; error: ValidationError }[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, error }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

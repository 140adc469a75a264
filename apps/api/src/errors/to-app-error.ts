import { HttpException, Logger } from '@nestjs/common';
import {
  AppError,
  appErrorOfSqlState,
  BadUserInputError,
  ConflictError,
  errorCodeOfStatus,
  InternalServerError,
  NotFoundError,
  ServiceUnavailableError,
} from '@pressroom/common';
import { isDatabaseUnavailable, logConnectionError, Prisma } from '@pressroom/database';
import type { ValidationError } from 'class-validator';

/**
 * Maps what services, Prisma and pg throw to an error with a code; null for the unexpected. The
 * codes' HTTP statuses are HTTP_STATUS in @pressroom/common, PostgreSQL's SQLSTATEs are
 * appErrorOfSqlState() there: this function only recognises the error and hands it on.
 */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new ServiceUnavailableError();
  // Only input can nest deeper than the stack (a JSON scalar given as 10,000 nested objects).
  if (error instanceof RangeError && /call stack/.test(error.message))
    return new BadUserInputError('The input is nested too deeply');
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002') {
      return new ConflictError('A unique value is already taken', { target: error.meta?.target ?? null });
    }
    if (error.code === 'P2025') return new NotFoundError('Record', { cause: error.meta?.cause ?? null });
  }
  const fromSqlState = appErrorOfSqlState(sqlState(error), constraintOf(error));
  if (fromSqlState) return fromSqlState;
  if (error instanceof HttpException) {
    const code = errorCodeOfStatus(error.getStatus());
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

/** The constraint a pg error names, when it is one. */
function constraintOf(error: unknown): string | undefined {
  const constraint = (error as { constraint?: unknown } | null)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
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
  return known ?? new InternalServerError();
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

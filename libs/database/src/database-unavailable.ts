import { ServiceUnavailableError } from '@pressroom/common';
import { Prisma } from './generated/prisma/client.js';
import { isConnectionError, logConnectionError } from './pg-errors.js';

// Prisma's codes for a server it cannot reach, a timeout, or an exhausted connection pool.
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// The pg driver adapter's kinds for the same.
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'TooManyConnections',
  'SocketTimeout',
  'TransactionTimeout',
]);

/**
 * Whether `error` says the database did not answer in time or at all: a condition to retry, not
 * a bug. Recognises the pg driver's errors and Prisma's (with the driver adapter's cause inside),
 * and a ServiceUnavailableError already mapped by toServiceUnavailable().
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof ServiceUnavailableError) return true;
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (UNAVAILABLE_CODES.has(error.code)) return true;
    const adapterError = error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined;
    if (UNAVAILABLE_KINDS.has(adapterError?.cause?.kind ?? '')) return true;
    return isConnectionError(adapterError?.cause) || isConnectionError(adapterError);
  }
  const cause = (error as { cause?: { kind?: string } } | null)?.cause;
  if (error instanceof Error && error.name === 'DriverAdapterError' && UNAVAILABLE_KINDS.has(cause?.kind ?? ''))
    return true;
  return isConnectionError(error);
}

/**
 * The one mapping of a database failure to what callers see: an unreachable or too slow database
 * (see isDatabaseUnavailable) becomes ServiceUnavailableError (HTTP 503, GraphQL
 * SERVICE_UNAVAILABLE), logged once as DB_CONNECTION_ERROR naming `source`; anything else is
 * returned as it is. The original error stays as `cause`, so isConnectionError() still knows it
 * (the importer retries a batch on it).
 */
export function toServiceUnavailable(error: unknown, source: string): unknown {
  if (error instanceof ServiceUnavailableError || !isDatabaseUnavailable(error)) return error;
  logConnectionError(source, error);
  const unavailable = new ServiceUnavailableError();
  Object.defineProperty(unavailable, 'cause', { value: error }); // not enumerable: never in a response
  return unavailable;
}

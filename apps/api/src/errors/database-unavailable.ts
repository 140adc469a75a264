import { isConnectionError, Prisma } from '@pressroom/database';

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
 * The database did not answer in time or at all: a condition to retry, not a bug. Recognises
 * Prisma's errors (with the driver adapter's cause inside) and the pg driver's own, thrown by the
 * plain pg pools (SqlPool, SqlReader) and pg-pool.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
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

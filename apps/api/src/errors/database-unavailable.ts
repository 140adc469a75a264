import { Prisma } from '@pressroom/database';

// Prisma's codes for a server it cannot reach, a timeout, or an exhausted connection pool.
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// PostgreSQL's for a cancelled statement (statement_timeout), a shutdown, too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57014', '57P01', '57P02', '57P03', '53300', '08000', '08003', '08006']);
// The pg driver adapter's kinds for the same.
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'TooManyConnections',
  'SocketTimeout',
  'TransactionTimeout',
]);

/** The database did not answer in time or at all: a condition to retry, not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (UNAVAILABLE_CODES.has(error.code)) return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { code?: string; kind?: string } } | undefined)?.cause;
  return !!cause && (UNAVAILABLE_SQLSTATES.has(cause.code ?? '') || UNAVAILABLE_KINDS.has(cause.kind ?? ''));
}

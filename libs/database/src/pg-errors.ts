import type { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type pg from 'pg';

/** The code every log line about a lost or refused database connection starts with. */
export const DB_CONNECTION_ERROR = 'DB_CONNECTION_ERROR';

// SQLSTATEs of a server that went away or cannot serve now: connection exceptions (08xxx), an
// admin shutdown or pg_terminate_backend (57P01-57P03), too many connections, a cancelled
// statement (statement_timeout, 57014).
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-3]|53300|57014)$/;
// Node's socket errors for a server that refuses, resets or cannot be reached.
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// What pg and pg-pool throw without a code for the same conditions, and the server's refusal of
// a new connection to a database closed to them (ALLOW_CONNECTIONS false, as for maintenance),
// whose SQLSTATE (55000) other conditions share.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|Query read timeout|connection timeout|is not currently accepting connections/i;

const logger = new Logger('Database');

/**
 * Whether `error` (or an error it wraps, through `cause`) says the database cannot be reached or
 * did not answer in time, as thrown by the pg driver: a condition to retry, not a bug.
 */
export function isConnectionError(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_ERRNOS.has(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Logs a database error event as `DB_CONNECTION_ERROR <source> [code]: message`. */
export function logConnectionError(source: string, error: unknown): void {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  logger.warn(`${DB_CONNECTION_ERROR} ${source}${code ? ` [${code}]` : ''}: ${message ?? String(error)}`);
}

/**
 * Handles the `error` event of a pg Client or Pool: a connection dropped while nobody was waiting
 * on it (an idle pooled client, a checked-out client between statements) emits one, and an
 * `error` event without a listener kills the process. Logged; the next use of the client fails
 * and the caller sees that. Returns a function that removes the listener.
 */
export function watchConnection(emitter: EventEmitter, source: string): () => void {
  const listener = (error: unknown) => logConnectionError(source, error);
  emitter.on('error', listener);
  return () => emitter.off('error', listener);
}

/**
 * Runs `work` in one transaction on a client checked out of `pool`: committed when it resolves,
 * rolled back when it throws. The client has an `error` listener while it is out (pg-pool
 * removes its own at checkout), and a client whose connection broke is destroyed, not pooled.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  source: string,
  work: (client: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  const unwatch = watchConnection(client, source);
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
    throw error;
  } finally {
    // A broken client keeps the listener: its socket may still report errors once it is gone.
    if (!broken) unwatch();
    client.release(broken);
  }
}

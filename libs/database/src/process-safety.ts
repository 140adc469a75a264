import { Logger } from '@nestjs/common';
import { DB_CONNECTION_ERROR, isConnectionError } from './pg-errors.js';

const logger = new Logger('Process');
let installed = false;

/**
 * What a long-running process (the API, `cms worker`) does with errors nobody caught:
 *
 * - a promise rejected with no handler is logged (`UNHANDLED_REJECTION`, with its stack) and the
 *   process goes on. Node's default is to exit; one forgotten `.catch` on background work would
 *   then stop every request, and nothing synchronous was left half done.
 * - an exception thrown to the event loop exits the process (`UNCAUGHT_EXCEPTION`, exit code 1):
 *   the code it interrupted may have left state half changed, so carrying on is not safe; a
 *   supervisor restarts it. Except a dropped database connection reported as an `error` event
 *   nobody listened to (a driver client we did not create): that client is already dead and its
 *   queries already failed, so it is logged as DB_CONNECTION_ERROR and the process lives.
 */
export function installProcessSafety(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    logger.error(`UNHANDLED_REJECTION ${describe(reason)}`);
  });
  process.on('uncaughtException', (error) => {
    if (isConnectionError(error)) {
      logger.warn(`${DB_CONNECTION_ERROR} unhandled 'error' event: ${describe(error)}`);
      return;
    }
    logger.fatal(`UNCAUGHT_EXCEPTION ${describe(error)}`);
    process.exit(1);
  });
}

function describe(value: unknown): string {
  return value instanceof Error ? (value.stack ?? value.message) : String(value);
}

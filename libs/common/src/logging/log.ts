import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import type * as Pino from 'pino';
import type { DestinationStream, Logger, LevelWithSilent } from 'pino';
import type PinoPretty from 'pino-pretty';
import { currentRequest } from './request-context.js';

// pino and pino-pretty load when a log is created (the API's, `worker`'s), not with this module:
// the CLI's import logs through Nest's console logger, and loaded them for nothing (issue 15).
const require = createRequire(import.meta.url);

/** Nest's log levels, as LOG_LEVEL names them. */
export type NestLogLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
/** `auto`: pretty when stdout is a terminal outside production, JSON otherwise. */
export type LogFormat = 'auto' | 'json' | 'pretty';

export const PINO_LEVEL: Record<NestLogLevel, LevelWithSilent> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

export interface LogOptions {
  LOG_LEVEL: NestLogLevel;
  LOG_FORMAT: LogFormat;
  NODE_ENV: string;
  /** Where lines go; `fd` when absent. Tests pass a stream to read what was logged. */
  destination?: Writable;
  /** stdout (1) by default; the CLI logs to stderr (2), keeping stdout for its output. */
  fd?: 1 | 2;
  /** Whether `auto` sees a terminal; defaults to the destination's (or stdout's) isTTY. */
  isTerminal?: boolean;
}

/** Whether LOG_FORMAT and the destination call for human-readable lines. */
export function isPretty(options: LogOptions): boolean {
  if (options.LOG_FORMAT !== 'auto') return options.LOG_FORMAT === 'pretty';
  const stream = (options.destination ?? standardStream(options.fd)) as { isTTY?: boolean };
  const terminal = options.isTerminal ?? stream.isTTY === true;
  return terminal && options.NODE_ENV !== 'production';
}

/**
 * The process's root logger: one JSON object a line (pino), or pino-pretty's lines on a terminal.
 * Every line written while a request is served carries its `reqId`. Writes are synchronous, so
 * nothing is lost when the process exits right after logging.
 */
export function createLog(options: LogOptions): Logger {
  const { pino } = require('pino') as typeof Pino;
  const pretty = isPretty(options);
  const fd = options.fd ?? 1;
  const destination: DestinationStream = pretty
    ? (require('pino-pretty') as typeof PinoPretty)({
        destination: options.destination ?? fd,
        sync: true,
        colorize: options.destination === undefined && standardStream(fd).isTTY === true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname,context,reqId,method,path,status,durationMs',
        messageFormat: prettyMessage,
        singleLine: true,
      })
    : (options.destination ?? pino.destination({ dest: fd, sync: true }));
  return pino(
    {
      level: PINO_LEVEL[options.LOG_LEVEL],
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const request = currentRequest();
        return request ? { reqId: request.id } : {};
      },
      // Belt and braces: the request serializers never log headers, and nothing else should.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'authorization'],
    },
    destination,
  );
}

function standardStream(fd: 1 | 2 = 1): NodeJS.WriteStream {
  return fd === 2 ? process.stderr : process.stdout;
}

/** `[Context] message`, and a request line as `POST /graphql 200 12ms`. */
function prettyMessage(line: Record<string, unknown>, messageKey: string): string {
  const context = typeof line.context === 'string' ? `[${line.context}] ` : '';
  if (typeof line.method === 'string' && typeof line.status === 'number') {
    return `${context}${line.method} ${String(line.path)} ${line.status} ${String(line.durationMs)}ms`;
  }
  return `${context}${String(line[messageKey] ?? '')}`;
}

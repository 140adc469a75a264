import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { type NestLogLevel, PINO_LEVEL } from './log.js';

/**
 * Nest's LoggerService on pino: every `new Logger(Name)` line becomes one log line with
 * `context: Name`. Levels are filtered by pino (LOG_LEVEL), not by Nest.
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  // Nest calls error(message, stack?, context?) and the others (message, ...extra, context?):
  // a string last parameter is the context.
  private write(level: NestLogLevel, message: unknown, params: unknown[]): void {
    const method = PINO_LEVEL[level] as 'info';
    if (!this.pino.isLevelEnabled(method)) return;
    const rest = [...params];
    const context = rest.length && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    const stack = rest.find((p): p is string => typeof p === 'string' && p.includes('\n'));
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      this.pino[method]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      const { msg, message: text, ...object } = message as Record<string, unknown>;
      this.pino[method]({ ...fields, ...object }, String(msg ?? text ?? ''));
    } else {
      this.pino[method](fields, String(message));
    }
  }
}

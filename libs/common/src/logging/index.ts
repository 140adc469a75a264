export { AppLogger } from './app-logger.js';
export { createLog, isPretty, PINO_LEVEL, type LogFormat, type LogOptions, type NestLogLevel } from './log.js';
export { currentRequest, runWithRequest, type RequestContext } from './request-context.js';

import { Writable } from 'node:stream';
import { createLog } from '@pressroom/common';
import type { Logger } from 'pino';

export type LogLine = Record<string, any> & { level: number; msg: string };

/** A JSON logger at debug level whose lines the test reads back (`lines`, and the raw `text`). */
export interface CapturedLog {
  log: Logger;
  lines: LogLine[];
  text(): string;
}

export function captureLog(): CapturedLog {
  const lines: LogLine[] = [];
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += String(chunk);
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const log = createLog({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json', NODE_ENV: 'test', destination });
  return { log, lines, text: () => text };
}

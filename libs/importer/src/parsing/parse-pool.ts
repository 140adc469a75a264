import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import { Piscina } from 'piscina';
import parseFiles, { hashFiles } from './parse.worker.js';
import type { HashTaskResult, ParseTask, ParseTaskResult } from './parse-task.js';

const logger = new Logger('ParsePool');

/**
 * Parses files on worker threads (one per core by default); with 0 threads, inline. Under jest
 * the sources are TypeScript, which threads cannot load, so the built worker is used.
 */
export class ParsePool {
  private readonly pool: Piscina | null;

  constructor(threads = availableParallelism()) {
    const filename = workerFile();
    this.pool =
      threads > 0 && filename
        ? new Piscina({
            filename,
            maxThreads: threads,
            minThreads: threads,
            // Parsing holds one task's files at a time: a small old generation makes each
            // thread collect early instead of growing towards V8's default ceiling.
            resourceLimits: { maxOldGenerationSizeMb: 128 },
          })
        : null;
    // A thread that dies with no task on it (or fails to close) is reported as an 'error' event,
    // which would kill the process without a listener; piscina replaces the thread itself.
    this.pool?.on('error', (error: Error) => logger.error(`PARSE_WORKER_ERROR ${error.stack ?? error.message}`));
  }

  /** Reads and parses the task's files. */
  parse(task: ParseTask): Promise<ParseTaskResult> {
    return this.pool ? this.pool.run(task) : Promise.resolve(parseFiles(task));
  }

  /** Reads and hashes the task's files. */
  hash(task: ParseTask): Promise<HashTaskResult> {
    return this.pool ? this.pool.run(task, { name: 'hashFiles' }) : Promise.resolve(hashFiles(task));
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}

function workerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  const built = here.endsWith('.ts')
    ? here.replace(/\/src\/parsing\/parse-pool\.ts$/, '/dist/parsing/parse.worker.js')
    : here.replace(/parse-pool\.js$/, 'parse.worker.js');
  return existsSync(built) ? built : null;
}

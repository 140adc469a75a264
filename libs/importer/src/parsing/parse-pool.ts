import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import { Piscina } from 'piscina';
import hashFiles from './hash.worker.js';
import {
  fileStarted,
  newFileClock,
  type HashTaskResult,
  type ParsedFile,
  type ParseTask,
  type ParseTaskResult,
} from './parse-task.js';

/** Milliseconds a thread may spend on one file unless told otherwise (IMPORT_FILE_TIME_BUDGET_MS). */
export const DEFAULT_FILE_TIME_BUDGET_MS = 5000;

const logger = new Logger('ParsePool');

/**
 * Parses files on worker threads (one per core by default); with 0 threads, inline. Under jest
 * the sources are TypeScript, which threads cannot load, so the built worker is used.
 *
 * Each file has a time budget: a thread past it on one file is terminated (Piscina replaces
 * it), that file fails with PARSE_TIMEOUT and the task's other files are parsed again without
 * it. A thread that dies on a task (out of memory) gets the same treatment, file by file.
 * Inline parsing cannot be interrupted, so it has no budget.
 */
export class ParsePool {
  private readonly pool: Piscina | null;
  private readonly parseWorker: string | null;
  /** The hash task last handed to the threads: the next waits for it (see hash()). */
  private hashing: Promise<unknown> = Promise.resolve();

  constructor(
    threads = availableParallelism(),
    private readonly fileBudgetMs = DEFAULT_FILE_TIME_BUDGET_MS,
  ) {
    const filename = workerFile('hash.worker');
    this.parseWorker = workerFile('parse.worker');
    this.pool =
      threads > 0 && filename && this.parseWorker
        ? new Piscina({
            // Threads start on the light hashing module; each loads the parser with its first
            // parse task (see hash.worker.ts). One starts with the pool, as one keeps up with the
            // hashing that is all an unchanged re-import needs (a thread costs a tenth of a
            // second of CPU to start, issue 15); piscina starts the others as parse tasks queue,
            // and keeps them while imports come.
            filename,
            maxThreads: threads,
            minThreads: 1,
            idleTimeout: IDLE_THREAD_MS,
            // Parsing holds one task's files at a time: a small old generation makes each
            // thread collect early instead of growing towards V8's default ceiling.
            resourceLimits: { maxOldGenerationSizeMb: 128 },
          })
        : null;
    // A thread that dies with no task on it (or fails to close) is reported as an 'error' event,
    // which would kill the process without a listener; piscina replaces the thread itself.
    this.pool?.on('error', (error: Error) => logger.error(`PARSE_WORKER_ERROR ${error.stack ?? error.message}`));
  }

  /** Reads and parses the task's files; a file over its budget or killing its thread fails alone. */
  async parse(task: ParseTask): Promise<ParseTaskResult> {
    if (!task.files.length) return [];
    if (!this.pool || !this.parseWorker) return (await inlineParser())(task);
    const run = await this.runTimed(this.pool, this.parseWorker, task);
    if ('results' in run) return run.results;
    const { files } = task;
    if (run.timedOut !== null) {
      const others = (part: ParseTask['files']) => (part.length ? this.parse({ ...task, files: part }) : []);
      return [
        ...(await others(files.slice(0, run.timedOut))),
        timeoutFailure(files[run.timedOut]!.path, this.fileBudgetMs),
        ...(await others(files.slice(run.timedOut + 1))),
      ];
    }
    if (files.length === 1) return [crashFailure(files[0]!.path, run.error)];
    // Which file killed the thread is unknown: each is tried alone.
    return (await Promise.all(files.map((file) => this.parse({ ...task, files: [file] })))).flat();
  }

  /**
   * Reads and hashes the task's files. One hash task at a time goes to the threads: a task
   * waiting in piscina's queue would start another thread, for work the running one finishes in
   * milliseconds.
   */
  hash(task: ParseTask): Promise<HashTaskResult> {
    const pool = this.pool;
    if (!pool) return Promise.resolve(hashFiles(task));
    const run = this.hashing.then(() => pool.run(task) as Promise<HashTaskResult>);
    this.hashing = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }

  /**
   * Runs the task with a budget per file, counted from when the thread says it started that
   * file (not when the task is queued), and aborts the task once a file overruns. The thread
   * says so in shared memory (see FileClock), checked a few times per budget: a message per
   * file cost both threads a wake-up and the main thread two timers per file.
   */
  private async runTimed(
    pool: Piscina,
    filename: string,
    task: ParseTask,
  ): Promise<{ results: ParseTaskResult } | { timedOut: number | null; error: unknown }> {
    const clock = newFileClock();
    const abort = new AbortController();
    let current: number | null = null;
    const check = setInterval(
      () => {
        const started = fileStarted(clock);
        if (started && Date.now() - started.at > this.fileBudgetMs) {
          current = started.index;
          abort.abort();
        }
      },
      Math.max(1, Math.min(CHECK_MS, this.fileBudgetMs / 10)),
    );
    try {
      const results = (await pool.run({ ...task, clock }, { filename, signal: abort.signal })) as ParseTaskResult;
      return { results };
    } catch (error) {
      return { timedOut: abort.signal.aborted ? current : null, error };
    } finally {
      clearInterval(check);
    }
  }
}

/**
 * The parser, for parsing on this thread: loaded when first needed, as its modules (markdown-it,
 * sanitize-html, yaml, the language detector) took the CLI's main thread a tenth of a second to
 * load when every parse runs on a worker thread (issue 15).
 */
async function inlineParser(): Promise<(task: ParseTask) => ParseTaskResult> {
  return (await import('./parse.worker.js')).default;
}

/** How long a thread past the first stays once idle: between an import's batches, and a while after. */
const IDLE_THREAD_MS = 60_000;

/** How often, at most, a running task's current file is checked against its budget. */
const CHECK_MS = 100;

function timeoutFailure(path: string, budgetMs: number): ParsedFile {
  return {
    ok: false,
    error: {
      path,
      line: null,
      code: 'PARSE_TIMEOUT',
      message: `parsing took longer than ${budgetMs} ms (IMPORT_FILE_TIME_BUDGET_MS); the file was abandoned`,
    },
  };
}

function crashFailure(path: string, error: unknown): ParsedFile {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: { path, line: null, code: 'PARSE_CRASHED', message: `the parse thread died on this file: ${reason}` },
  };
}

function workerFile(name: 'hash.worker' | 'parse.worker'): string | null {
  const here = fileURLToPath(import.meta.url);
  const built = here.endsWith('.ts')
    ? here.replace(/\/src\/parsing\/parse-pool\.ts$/, `/dist/parsing/${name}.js`)
    : here.replace(/parse-pool\.js$/, `${name}.js`);
  return existsSync(built) ? built : null;
}

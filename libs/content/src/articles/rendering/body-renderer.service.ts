import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { BadUserInputError } from '@pressroom/common';
import type { BodyFormat } from '@pressroom/database';
import { Piscina } from 'piscina';
import type { SearchDocument, SearchSource } from '../../search/search-document.js';
import renderTask, { excerptTask, searchDocumentTask } from './render-body.worker.js';

/** Bodies up to this many characters are worked on inline: a thread hop costs more than they do. */
export const INLINE_RENDER_CHARS = 16 * 1024;
/** Longest an editor's body may take to render (5 MB of prose takes about 5 s on one core). */
export const RENDER_TIME_BUDGET_MS = 20_000;

/**
 * Every pass over an editor's body: rendering and sanitising it, deriving its excerpt and its
 * search document. A large body (up to 5 MB) takes seconds of CPU to render and tens of
 * milliseconds per text pass, which on the event loop would stall every other request (issue
 * 10), so large ones are worked on a worker thread, rendering under a time budget; small ones,
 * the common case, inline. Under jest the sources are
 * TypeScript, which threads cannot load, so the built worker is used (inline when absent).
 */
@Injectable()
export class BodyRenderer implements OnModuleDestroy {
  private readonly logger = new Logger(BodyRenderer.name);
  private readonly pool: Piscina | null;

  constructor() {
    const filename = workerFile();
    this.pool = filename
      ? new Piscina({
          filename,
          minThreads: 0,
          // Half the cores: the other half keep answering requests while a large body renders.
          maxThreads: Math.max(1, Math.floor(availableParallelism() / 2)),
          idleTimeout: 60_000,
          resourceLimits: { maxOldGenerationSizeMb: 256 },
        })
      : null;
    // A thread that dies outside a task is an 'error' event, fatal without a listener.
    this.pool?.on('error', (error: Error) => this.logger.error(`RENDER_WORKER_ERROR ${error.stack ?? error.message}`));
  }

  async render(body: string, bodyFormat: BodyFormat, field = 'input.body'): Promise<string> {
    if (!this.pool || body.length <= INLINE_RENDER_CHARS) return renderTask({ body, bodyFormat });
    try {
      return (await this.pool.run(
        { body, bodyFormat },
        { signal: AbortSignal.timeout(RENDER_TIME_BUDGET_MS) },
      )) as string;
    } catch (error) {
      if (!isAbort(error)) throw error;
      throw new BadUserInputError(
        `The body took longer than ${RENDER_TIME_BUDGET_MS / 1000} s to render: split it or simplify its markup`,
        field,
        { limit: 'renderTimeMs', renderTimeMs: RENDER_TIME_BUDGET_MS },
      );
    }
  }

  /** How many tasks the threads have finished: what went off the event loop (tests, diagnostics). */
  get threadTasks(): number {
    return this.pool?.completed ?? 0;
  }

  /** The excerpt derived from a rendered body (plainTextExcerpt()). */
  excerpt(html: string): Promise<string | null> {
    if (!this.pool || html.length <= INLINE_RENDER_CHARS) return Promise.resolve(excerptTask({ html }));
    return this.pool.run({ html }, { name: 'excerptTask' }) as Promise<string | null>;
  }

  /** searchDocument() of an article's title, excerpt and rendered body. */
  searchDocument(source: SearchSource): Promise<SearchDocument> {
    const { title, excerpt, html } = source;
    if (!this.pool || html.length <= INLINE_RENDER_CHARS) return Promise.resolve(searchDocumentTask(source));
    return this.pool.run({ title, excerpt, html }, { name: 'searchDocumentTask' }) as Promise<SearchDocument>;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

function workerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  const built = here.endsWith('.ts')
    ? here.replace(
        /\/src\/articles\/rendering\/body-renderer\.service\.ts$/,
        '/dist/articles/rendering/render-body.worker.js',
      )
    : here.replace(/body-renderer\.service\.js$/, 'render-body.worker.js');
  return existsSync(built) ? built : null;
}

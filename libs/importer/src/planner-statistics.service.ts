import { Injectable, Logger } from '@nestjs/common';
import { ARTICLE_IMPORT_TABLES, estimatedArticleCount } from '@pressroom/content/import';
import { analyzeTables, SqlPool } from '@pressroom/database';
import { DUPLICATE_FILE_TABLES } from './jobs/duplicate-files.repository.js';
import { IMPORT_ITEM_TABLES } from './jobs/import-jobs.repository.js';

/** Articles written before the first ANALYZE, and added to the table's size before each next one. */
export const ANALYZE_AFTER_ROWS = 1000;
const TABLES = [...ARTICLE_IMPORT_TABLES, ...IMPORT_ITEM_TABLES, ...DUPLICATE_FILE_TABLES];

/**
 * Keeps the planner's statistics of the tables an import grows in step with it. Without
 * statistics, PostgreSQL takes `"articleId" = ANY(250 ids)` to match most of a table, so a
 * batch's lookups and link deletions scan the whole of "Article" and the link tables: every
 * batch read all the rows before it, and a 100,000-post import read 58 million link rows
 * (a cost growing with the square of the import). Autovacuum would analyse the tables in time
 * on its own schedule, but it is often off on bulk-load servers, and on a new database the
 * first analysis can come after thousands of posts. So ANALYZE runs after the first
 * ANALYZE_AFTER_ROWS articles this process wrote, then each time it has written more than the
 * table held at the last one (plus ANALYZE_AFTER_ROWS): log2 of the import's size times, each
 * a sample of at most 30,000 rows per table. A table that already has more rows than an
 * import writes is never analysed by it: its statistics describe it well enough.
 */
@Injectable()
export class PlannerStatistics {
  private readonly logger = new Logger(PlannerStatistics.name);
  private writtenSinceAnalyze = 0;
  /** Written articles past which the table's estimate is read again. */
  private nextCheck = ANALYZE_AFTER_ROWS;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly sql: SqlPool) {}

  /** After a batch commits: `articles` written (created or updated). Never throws. */
  async written(articles: number): Promise<void> {
    this.writtenSinceAnalyze += articles;
    if (this.writtenSinceAnalyze <= this.nextCheck || this.refreshing) return;
    this.refreshing = this.refresh()
      .catch((error: unknown) => {
        // Not again after every batch: once the import has written as much again.
        this.nextCheck = this.writtenSinceAnalyze * 2 + ANALYZE_AFTER_ROWS;
        this.logger.warn(`could not refresh the planner's statistics: ${(error as Error).message}`);
      })
      .finally(() => (this.refreshing = null));
    await this.refreshing;
  }

  private async refresh(): Promise<void> {
    const estimate = Math.max(await estimatedArticleCount(this.sql), 0);
    if (this.writtenSinceAnalyze <= estimate + ANALYZE_AFTER_ROWS) {
      this.nextCheck = estimate + ANALYZE_AFTER_ROWS;
      return;
    }
    const written = this.writtenSinceAnalyze;
    if (!(await analyzeTables(this.sql, TABLES))) return; // another session holds them: try after the next batch
    this.writtenSinceAnalyze -= written;
    this.nextCheck = Math.max(await estimatedArticleCount(this.sql), 0) + ANALYZE_AFTER_ROWS;
  }
}

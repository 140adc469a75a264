import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import { SqlPool } from '@pressroom/database';
import { mergeSearchIndexPendingList } from './bulk-search-index.repository.js';

const INSUFFICIENT_PRIVILEGE = '42501';
/**
 * How long a background merge may run (see mergeSearchIndexPendingList: longer, it chases the
 * writes in small, costly passes). peerbench's M1 (title saves of distinct Chinese articles at 10
 * connections): 28% less PostgreSQL CPU per save than merging until the list is empty, with the
 * same search latency under that load (docs/decisions.md, "A merge that does not chase the writes").
 */
const MERGE_TIME_LIMIT_MS = 300;

/**
 * Keeps the body search index's pending list short (migration search_index_pending_list). An
 * article write appends its vector's entries to the list, which is cheap; this merges them in
 * one sorted pass SEARCH_INDEX_MERGE_MS after the first write it has not merged, in the
 * background, so a search reads at most that long of edits from the list, and no request waits
 * for a merge of a full list. Writes that land during a merge are merged by it or by the next
 * one, which each write schedules. Nothing runs while nobody writes; with many processes, one
 * merges at a time and the others skip (the list is shared). 0 turns it off: writers then merge
 * the list when it is full (4 MB), as PostgreSQL does by default.
 */
@Injectable()
export class SearchIndexMerger implements OnModuleDestroy {
  private readonly logger = new Logger(SearchIndexMerger.name);
  private readonly delayMs: number;
  private timer: NodeJS.Timeout | null = null;
  private merging: Promise<void> | null = null;
  /** A write came after the running merge had started: it may have missed its entries. */
  private again = false;
  private stopped = false;

  constructor(
    private readonly sql: SqlPool,
    config: ConfigService<Env, true>,
  ) {
    this.delayMs = config.get('SEARCH_INDEX_MERGE_MS', { infer: true });
    this.stopped = this.delayMs === 0;
  }

  /** Call after a write that put article vectors into the index. */
  written(): void {
    if (this.stopped) return;
    if (this.merging) {
      this.again = true;
      return;
    }
    this.schedule();
  }

  /** Merges all now, after any merge running (a command that wrote many vectors, before it exits). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.merging;
    if (!this.stopped) await this.merge();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.merging;
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.merging = this.merge(Math.max(MERGE_TIME_LIMIT_MS, this.delayMs)).finally(() => {
        this.merging = null;
        if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
    }, this.delayMs);
    // A pending merge does not keep a finishing process (a CLI command) alive.
    this.timer.unref();
  }

  /** Unbounded without a time limit: flush() leaves nothing pending. */
  private async merge(timeLimitMs?: number): Promise<void> {
    try {
      // busy: another process is merging; it may have started before these writes' entries.
      // cut: the rest waits for the next merge, which these writes have scheduled or will.
      const outcome = await mergeSearchIndexPendingList(this.sql, timeLimitMs);
      if (outcome === 'busy' || outcome === 'cut') this.again = true;
    } catch (error) {
      if ((error as { code?: string }).code === INSUFFICIENT_PRIVILEGE) {
        this.stopped = true;
        this.logger.warn('the database user may not merge the search index (not its owner): left to writers');
        return;
      }
      this.logger.warn(`search index merge failed: ${(error as Error).message}`);
    }
  }
}

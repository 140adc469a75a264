import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import { SqlPool } from '@pressroom/database';
import { mergeSearchIndexPendingList } from './bulk-search-index.repository.js';

const INSUFFICIENT_PRIVILEGE = '42501';

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

  /** Merges now, after any merge running (a command that wrote many vectors, before it exits). */
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
      this.merging = this.merge().finally(() => {
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

  private async merge(): Promise<void> {
    try {
      // null: another process is merging; it may have started before these writes' entries.
      if ((await mergeSearchIndexPendingList(this.sql)) === null) this.again = true;
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

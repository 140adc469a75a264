import { Injectable } from '@nestjs/common';
import { SqlPool } from '@pressroom/database';
import { readSearchSources, writeSearchVectors, type SearchPageResult } from './article-search-vectors.repository.js';
import { BodyRenderer } from './rendering/body-renderer.service.js';
import { SearchIndexMerger } from '../search/search-index-merger.service.js';

export interface SearchReindexOptions {
  /** Every article (after the search definition changed), not only those without a vector. */
  all: boolean;
  /** Articles per page: per statement, and what the process holds at once. */
  pageSize: number;
  /** Called after each page with the totals so far. */
  onPage?: (totals: SearchReindexTotals) => void;
}

/** Articles read; written, already right, or skipped because they changed or were held meanwhile. */
export interface SearchReindexTotals extends SearchPageResult {
  read: number;
}

/**
 * (Re)computes articles' search vectors with the application's own searchDocument(), for rows
 * written around it (a SQL load, a restored dump) or after the vector's definition changed.
 * Pages in id order, each read, computed here, and written in one short statement of its own
 * (see writeSearchVectors()), so memory stays one page and no lock outlives a page's UPDATE.
 */
@Injectable()
export class ArticleSearchReindexService {
  constructor(
    private readonly sql: SqlPool,
    private readonly renderer: BodyRenderer,
    private readonly searchIndex: SearchIndexMerger,
  ) {}

  async reindex({ all, pageSize, onPage }: SearchReindexOptions): Promise<SearchReindexTotals> {
    const totals: SearchReindexTotals = { read: 0, written: 0, unchanged: 0, skipped: 0 };
    for (let afterId: string | null = null; ;) {
      const rows = await readSearchSources(this.sql, afterId, pageSize, all);
      if (!rows.length) {
        // The pages' entries are merged before the command reports (and exits).
        await this.searchIndex.flush();
        return totals;
      }
      const documents = await Promise.all(rows.map((row) => this.renderer.searchDocument(row)));
      const page = await writeSearchVectors(this.sql, rows, documents);
      this.searchIndex.written();
      totals.read += rows.length;
      totals.written += page.written;
      totals.unchanged += page.unchanged;
      totals.skipped += page.skipped;
      onPage?.({ ...totals });
      afterId = rows[rows.length - 1]!.id;
    }
  }
}

import { ArticleSearchReindexService, ContentModule, type SearchReindexTotals } from '@pressroom/content';
import { withCliContext } from '../cli-context.js';

/** Recomputes search vectors (those missing, or all), a page at a time; returns the totals. */
export function runSearchReindex(options: {
  all: boolean;
  pageSize: number;
  onPage: (so: SearchReindexTotals) => void;
}): Promise<SearchReindexTotals> {
  return withCliContext([ContentModule], (context) => context.get(ArticleSearchReindexService).reindex(options));
}

-- The body's search index takes new entries through its pending list again (issue 15), now
-- that the API merges the list within moments of each article write (SearchIndexMerger), so
-- searches never read more than a fraction of a second of edits unmerged and no request merges
-- a full list. Every save of an article is a new, non-HOT row version whose whole vector
-- (about 725 lexemes for a 5 kB Chinese article) goes into the index again: inserted entry by
-- entry that was 10-13 ms of PostgreSQL CPU a title save on an archive of distinct articles,
-- appended and merged in sorted batches about a third of that (docs/decisions.md). The 4 MB
-- list limit stays as the fallback for writers no merger follows (SQL loads, another tool).
ALTER INDEX "Article_searchVector_idx" SET (fastupdate = on);

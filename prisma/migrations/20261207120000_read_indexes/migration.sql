-- Issue 14: indexes for reads at a million articles.

-- Lists by date sort undated articles last (`"publishedAt" DESC NULLS LAST`), but these indexes
-- were DESC (NULLS FIRST): no list or search could read them in its order, and every front page
-- sorted all visible articles (180 ms at 100,000 articles, growing with the table).
DROP INDEX "Article_status_publishedAt_id_idx";
CREATE INDEX "Article_status_publishedAt_id_idx" ON "Article"("status", "publishedAt" DESC NULLS LAST, "id" DESC);
DROP INDEX "Article_publishedAt_id_idx";
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt" DESC NULLS LAST, "id" DESC);

-- Counting a tag's (or an author's) visible articles checks each one's status and date: with
-- them in an index beside the id, that check is an index-only probe instead of a heap read of a
-- row that is mostly body (a tag of 10,750 articles at a million: 490 ms -> 60 ms).
CREATE INDEX "Article_id_visibility_idx" ON "Article"("id") INCLUDE ("status", "publishedAt");

-- Lists ordered by title (either direction: a B-tree is read backwards for DESC).
CREATE INDEX "Article_title_id_idx" ON "Article"("title", "id");

-- Title matches of a search without reading the body's vector: top-k of the hits that match in
-- their title (see SearchRepository).
CREATE INDEX "Article_searchTitleVector_idx" ON "Article" USING GIN ("searchTitleVector") WITH (fastupdate = off);

-- The search index's pending list: with fastupdate on (the default, a 4 MB list) every search
-- reads the whole unsorted list until it is merged, and waits on the merge a writer starts when
-- it is full: after many edits searches were 3-5x slower until a vacuum. Off, each write puts
-- its vector's entries in the index itself: under four writers editing without pause, search p99
-- went from 790 ms (4 MB list) and 890 ms (256 kB) to 13 ms, at half the raw UPDATE rate
-- (bench/api/search-under-updates.mjs, docs/decisions.md). The list the default left is merged now.
ALTER INDEX "Article_searchVector_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('"Article_searchVector_idx"'::regclass);

-- `articles(where: { text })` for anonymous readers matches titles only (docs/decisions.md); a
-- trigram index serves that ILIKE where the server has pg_trgm. Servers without it migrate
-- all the same and scan titles, as before.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE INDEX "Article_title_trgm_idx" ON "Article" USING GIN ("title" gin_trgm_ops);
EXCEPTION WHEN undefined_file OR feature_not_supported OR insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm is not available: title text filters scan the titles';
END
$$;

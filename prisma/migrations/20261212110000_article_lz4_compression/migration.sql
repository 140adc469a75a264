-- The large values of an article and of its revisions are compressed with lz4 instead of
-- PostgreSQL's default pglz. Every title save writes a new search vector (10 kB for a 5 kB
-- article, which pglz tries to compress and gives up on, so it is stored out of line
-- uncompressed) and a revision whose snapshot holds the replaced body and HTML (7.6 kB of JSON,
-- 2.9 kB after pglz); an import and a body edit compress body, HTML and vector. Measured on the
-- peer harness's 10,000 articles (docs/decisions.md): writing 3,000 fresh snapshots took 267-321
-- ms with pglz and 79 ms with lz4 (and they were smaller, 2.4 against 2.9 kB); 3,000 vectors
-- 490-540 ms against 171-185 ms. Only values written from now on use it; older ones stay pglz
-- and read as before.
-- A server built without lz4 refuses the setting: it keeps pglz, with a notice, and works the same.
DO $$
BEGIN
  ALTER TABLE "Article"
    ALTER COLUMN body SET COMPRESSION lz4,
    ALTER COLUMN html SET COMPRESSION lz4,
    ALTER COLUMN excerpt SET COMPRESSION lz4,
    ALTER COLUMN "frontMatter" SET COMPRESSION lz4,
    ALTER COLUMN "searchVector" SET COMPRESSION lz4,
    ALTER COLUMN "searchBodyVector" SET COMPRESSION lz4;
  ALTER TABLE "ArticleRevision" ALTER COLUMN snapshot SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not available on this server: article values stay compressed with pglz';
END
$$;

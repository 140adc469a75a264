-- Full-text search over articles, Chinese included (issue 4). PostgreSQL's parsers do not split
-- Chinese into words, so CJK text is indexed as overlapping character bigrams ("塔利班" ->
-- "塔利 利班"; a single character stays itself), while other text is stemmed as English. The
-- title is weighted A, the excerpt and body D.
--
-- The same segmentation exists twice, here and in libs/content/src/search/search-document.ts,
-- and a test checks that both give the same vector. Bulk writers (the importer) segment in
-- JavaScript, which is several times cheaper, and set "searchVector" with
-- pressroom_search_vector(); every other write leaves it alone and the trigger computes it here.

-- English stemming for words in ASCII letters; any other word (CJK bigrams, accented words) is
-- kept as it is, which also spares the English stemmer a third of the indexing time.
CREATE TEXT SEARCH CONFIGURATION pressroom_search (COPY = english);
ALTER TEXT SEARCH CONFIGURATION pressroom_search ALTER MAPPING FOR word, hword, hword_part WITH simple;

-- CJK runs -> ' ab bc cd ', a lone character -> ' a '; everything else unchanged.
CREATE FUNCTION pressroom_search_segment(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(
           regexp_replace(
             regexp_replace(
               regexp_replace(normalize(input, NFKC), '([㐀-䶿一-鿿豈-﫿぀-ヿ가-힯])', '\1\1', 'g'),
               '(^|[^㐀-䶿一-鿿豈-﫿぀-ヿ가-힯])([㐀-䶿一-鿿豈-﫿぀-ヿ가-힯])\2(?=[^㐀-䶿一-鿿豈-﫿぀-ヿ가-힯]|$)', '\1 \2 ', 'g'),
             '[㐀-䶿一-鿿豈-﫿぀-ヿ가-힯]([㐀-䶿一-鿿豈-﫿぀-ヿ가-힯]*)[㐀-䶿一-鿿豈-﫿぀-ヿ가-힯]', '\1', 'g'),
           '([㐀-䶿一-鿿豈-﫿぀-ヿ가-힯]{2})', ' \1 ', 'g')
$$;

-- Rendered HTML -> text: tags and entities become spaces; at most 100,000 characters indexed.
CREATE FUNCTION pressroom_search_plain_text(html text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT left(regexp_replace(regexp_replace(html, '<[^>]*>', ' ', 'g'), '&#?[a-zA-Z0-9]+;', ' ', 'g'), 100000)
$$;

-- Segmented title and body (from pressroom_search_segment or searchDocument()) -> the vector.
CREATE FUNCTION pressroom_search_vector(search_title text, search_body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('pressroom_search'::regconfig, coalesce(search_title, '')), 'A')
      || setweight(to_tsvector('pressroom_search'::regconfig, coalesce(search_body, '')), 'D')
$$;

CREATE FUNCTION pressroom_article_search_vector(title text, excerpt text, html text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT pressroom_search_vector(
    pressroom_search_segment(coalesce(title, '')),
    pressroom_search_segment(coalesce(excerpt, '') || ' ' || pressroom_search_plain_text(coalesce(html, ''))))
$$;

-- Computes the vector unless the statement set it: on INSERT when it is NULL, on UPDATE when
-- the text changed but the vector did not.
CREATE FUNCTION pressroom_article_search_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."searchVector" IS NULL THEN
      NEW."searchVector" := pressroom_article_search_vector(NEW.title, NEW.excerpt, NEW.html);
    END IF;
  ELSIF (NEW.title, NEW.excerpt, NEW.html) IS DISTINCT FROM (OLD.title, OLD.excerpt, OLD.html)
        AND NEW."searchVector" IS NOT DISTINCT FROM OLD."searchVector" THEN
    NEW."searchVector" := pressroom_article_search_vector(NEW.title, NEW.excerpt, NEW.html);
  END IF;
  RETURN NEW;
END
$$;

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "searchVector" tsvector;

-- The title's part of the vector: small enough to stay in the row, so telling a title match
-- from a body match does not read the whole (TOASTed) vector of every hit.
ALTER TABLE "Article" ADD COLUMN "searchTitleVector" tsvector GENERATED ALWAYS AS (ts_filter("searchVector", '{a}')) STORED;

-- CreateIndex
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- CreateIndex: editors' lists, newest first, drafts (no date) included
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt" DESC, "id" DESC);

CREATE TRIGGER "Article_search"
  BEFORE INSERT OR UPDATE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION pressroom_article_search_trigger();

UPDATE "Article" SET "searchVector" = pressroom_article_search_vector(title, excerpt, html);

-- Search vectors without parsing CJK bigrams (issue 3: to_tsvector over the bigram text was
-- most of an import's database time). A vector is now two parts per field: the English parser's
-- vector of the text without its CJK runs, then the CJK bigrams with their positions, which
-- bulk writers compute in JavaScript (searchDocument() in @pressroom/content) and send as a
-- tsvector literal. The trigger builds the same literal here, so both give the same vector.
-- Kana punctuation and sound marks leave the CJK ranges: not letters, they split bigrams.

CREATE OR REPLACE FUNCTION pressroom_search_segment(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(
           regexp_replace(
             regexp_replace(
               regexp_replace(normalize(input, NFKC), '([㐀-䶿一-鿿豈-﫿ぁ-ゖゝ-ゟァ-ヺー-ヿ가-힯])', '\1\1', 'g'),
               '(^|[^㐀-䶿一-鿿豈-﫿ぁ-ゖゝ-ゟァ-ヺー-ヿ가-힯])([㐀-䶿一-鿿豈-﫿ぁ-ゖゝ-ゟァ-ヺー-ヿ가-힯])\2(?=[^㐀-䶿一-鿿豈-﫿ぁ-ゖゝ-ゟァ-ヺー-ヿ가-힯]|$)', '\1 \2 ', 'g'),
             '[㐀-䶿一-鿿豈-﫿ぁ-ゖゝ-ゟァ-ヺー-ヿ가-힯]([㐀-䶿一-鿿豈-﫿ぁ-ゖゝ-ゟァ-ヺー-ヿ가-힯]*)[㐀-䶿一-鿿豈-﫿ぁ-ゖゝ-ゟァ-ヺー-ヿ가-힯]', '\1', 'g'),
           '([㐀-䶿一-鿿豈-﫿ぁ-ゖゝ-ゟァ-ヺー-ヿ가-힯]{2})', ' \1 ', 'g')
$$;

-- NFKC text with each CJK run replaced by a space: what the English parser reads.
CREATE FUNCTION pressroom_search_words(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(normalize(input, NFKC), '[㐀-䶿一-鿿豈-﫿ぁ-ゖゝ-ゟァ-ヺー-ヿ가-힯]+', ' ', 'g')
$$;

-- The CJK bigrams of the text with positions 1, 2, ... across its runs, as a vector (positions
-- stop at 16383; tsvector input keeps the first 256 per lexeme).
CREATE FUNCTION pressroom_search_bigrams(input text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg('''' || gram || ''':' || least(n, 16383), ' ')::tsvector, ''::tsvector)
  FROM regexp_split_to_table(btrim(regexp_replace(pressroom_search_segment(input), '[^㐀-䶿一-鿿豈-﫿ぁ-ゖゝ-ゟァ-ヺー-ヿ가-힯]+', ' ', 'g')), ' +')
       WITH ORDINALITY AS t(gram, n)
  WHERE gram <> ''
$$;

-- Title weighted A, excerpt and body D; each the parsed words, then the bigrams.
CREATE FUNCTION pressroom_search_vector(title_words text, title_bigrams tsvector, body_words text, body_bigrams tsvector)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('pressroom_search'::regconfig, coalesce(title_words, '')) || coalesce(title_bigrams, ''), 'A')
      || setweight(to_tsvector('pressroom_search'::regconfig, coalesce(body_words, '')) || coalesce(body_bigrams, ''), 'D')
$$;

CREATE OR REPLACE FUNCTION pressroom_article_search_vector(title text, excerpt text, html text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT pressroom_search_vector(pressroom_search_words(t), pressroom_search_bigrams(t), pressroom_search_words(b), pressroom_search_bigrams(b))
  FROM (SELECT coalesce(title, '') AS t,
               coalesce(excerpt, '') || ' ' || pressroom_search_plain_text(coalesce(html, '')) AS b) AS source
$$;

DROP FUNCTION pressroom_search_vector(text, text);

-- Bodies, rendered HTML, vectors and revision snapshots are TOASTed: lz4 compresses them several
-- times faster than the default pglz. Servers built without lz4 keep pglz.
DO $$
BEGIN
  ALTER TABLE "Article" ALTER COLUMN body SET COMPRESSION lz4, ALTER COLUMN html SET COMPRESSION lz4,
    ALTER COLUMN "searchVector" SET COMPRESSION lz4, ALTER COLUMN "frontMatter" SET COMPRESSION lz4;
  ALTER TABLE "ArticleRevision" ALTER COLUMN snapshot SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not available; TOAST compression stays pglz';
END
$$;

UPDATE "Article" SET "searchVector" = pressroom_article_search_vector(title, excerpt, html);

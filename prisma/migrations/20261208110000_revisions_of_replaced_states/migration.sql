-- Issue 15: a revision stores a state that is no longer the article's current one; the current
-- state is the row. Who made the current version, and how, moves onto the row; the revision
-- that copied the current state (on a first import, a second copy of every body) goes. History
-- still lists every version: the stored ones, and the current one read from the row.
ALTER TABLE "Article"
  ADD COLUMN "versionActor" TEXT NOT NULL DEFAULT 'system',
  ADD COLUMN "versionAction" TEXT NOT NULL DEFAULT 'create';

UPDATE "Article" AS a SET "versionActor" = r.actor, "versionAction" = r.action
FROM "ArticleRevision" AS r
WHERE r."articleId" = a.id AND r.version = a.version;

DELETE FROM "ArticleRevision" AS r USING "Article" AS a
WHERE r."articleId" = a.id AND r.version = a.version;

-- The id of version `version` of an article: the same while it is current (read from the row)
-- and once stored as a revision, so a client can restore the id it listed either way. A UUID of
-- version 4's shape, for the API's UUID checks.
CREATE FUNCTION pressroom_revision_id(article uuid, version int) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
  FROM md5(article::text || ':' || version::text) AS h
$$;

-- The search vector is its title part concatenated with its body part (excerpt and body,
-- weight D). The body part an editor's write computed is kept beside the vector, so a change
-- of title alone makes the vector as title part || stored body part: the same value as a full
-- computation (the concatenation shifts the body's positions by the title's last one, which is
-- why the part is kept unshifted rather than cut out of the vector). NULL where unknown (rows
-- written by the import, which sets the vector alone): the next edit computes it in full.
ALTER TABLE "Article" ADD COLUMN "searchBodyVector" tsvector;

CREATE FUNCTION pressroom_search_title_part(title_words text, title_bigrams tsvector)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('pressroom_search'::regconfig, coalesce(title_words, '')) || coalesce(title_bigrams, ''), 'A')
$$;

CREATE FUNCTION pressroom_search_body_part(body_words text, body_bigrams tsvector)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('pressroom_search'::regconfig, coalesce(body_words, '')) || coalesce(body_bigrams, ''), 'D')
$$;

CREATE OR REPLACE FUNCTION pressroom_search_vector(title_words text, title_bigrams tsvector, body_words text, body_bigrams tsvector)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT pressroom_search_title_part(title_words, title_bigrams) || pressroom_search_body_part(body_words, body_bigrams)
$$;

DO $$
BEGIN
  ALTER TABLE "Article" ALTER COLUMN "searchBodyVector" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
  RAISE NOTICE 'lz4 is not available; TOAST compression stays pglz';
END
$$;

-- Redirect paths are stored as lookup keys (redirectKey() in @pressroom/frontmatter): lower case,
-- no trailing slash. Rows stored before are brought to that form; of rows that now collide, the
-- newest stays. (Percent-encoded rows keep their encoding: SQL cannot decode it portably.)
CREATE TEMP TABLE "RedirectKey" ON COMMIT DROP AS
  SELECT path, COALESCE(NULLIF(lower(rtrim(path, '/')), ''), '/') AS key, "createdAt" FROM "Redirect";

DELETE FROM "Redirect" r USING "RedirectKey" k, "RedirectKey" o
 WHERE k.path = r.path AND o.key = k.key AND o.path <> k.path
   AND (o."createdAt", o.path) > (k."createdAt", k.path);

UPDATE "Redirect" SET path = COALESCE(NULLIF(lower(rtrim(path, '/')), ''), '/')
 WHERE path <> COALESCE(NULLIF(lower(rtrim(path, '/')), ''), '/');

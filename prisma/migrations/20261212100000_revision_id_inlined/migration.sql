-- pressroom_revision_id() as one expression, with the same values. Its first definition read
-- the hash through `FROM md5(...) AS h`, which keeps PostgreSQL from inlining a SQL function:
-- every statement that stored a revision parsed, analysed and planned the function's body again
-- (fmgr_sql), about 8% of PostgreSQL's CPU per title save (perf, bench/api/update-bench.mjs).
-- A single SELECT of one expression without FROM is inlined into the calling statement's plan.
-- Characters 13 and 17 of the hash become the UUID's version (4) and variant (8) digits, as
-- substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15) made them.
CREATE OR REPLACE FUNCTION pressroom_revision_id(article uuid, version int) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT overlay(overlay(md5(article::text || ':' || version::text) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid
$$;

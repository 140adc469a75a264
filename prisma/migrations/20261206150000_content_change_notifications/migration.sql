-- Replicas agree (issue 13): every commit that changes what anonymous readers see sends one
-- notification on the channel pressroom_content_changed, whichever process or tool wrote it
-- (an API replica, an import worker, psql). Each API process LISTENs there and forgets the
-- answers its response cache keeps (ContentChanges in libs/database). PostgreSQL sends
-- notifications at commit, none for a rollback, and folds the identical ones of a transaction
-- into one. The import report tables (ImportJob, ImportItem), tokens and revisions (editors
-- only, never cached) have no trigger, so a commit that only records a report keeps the cache.
--
-- Statement-level, so a 1,000-row import batch costs one call per statement, not per row; the
-- transition table lets a statement that changed no row (ON CONFLICT DO NOTHING, an UPDATE that
-- matched nothing) stay silent. Transition tables allow one event per trigger, hence four.
CREATE FUNCTION pressroom_content_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Two branches: a TRUNCATE trigger has no transition table to name.
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('pressroom_content_changed', '');
  ELSIF EXISTS (SELECT 1 FROM changed_rows) THEN
    PERFORM pg_notify('pressroom_content_changed', '');
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  content_table text;
BEGIN
  FOREACH content_table IN ARRAY ARRAY['Article', 'Author', 'Tag', 'ArticleAuthor', 'ArticleTag', 'Redirect'] LOOP
    EXECUTE format('CREATE TRIGGER content_changed_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION pressroom_content_changed()', content_table);
    EXECUTE format('CREATE TRIGGER content_changed_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION pressroom_content_changed()', content_table);
    EXECUTE format('CREATE TRIGGER content_changed_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION pressroom_content_changed()', content_table);
    EXECUTE format('CREATE TRIGGER content_changed_truncate AFTER TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION pressroom_content_changed()', content_table);
  END LOOP;
END
$$;
